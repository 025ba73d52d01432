/**
 * `disableCachingByDefault` (kfp's --disable-execution-caching-by-default): tasks cache only when
 * asked to. `pipelineParameters` replace defaults, and give a required input a default without
 * making it optional; an integer given to a float parameter.
 */
import { pipeline, z } from '../../../src/index.ts';
import { flipCoin, rollDie, notify } from '../fixtures/work-components.ts';

export const compileOptions = {
  disableCachingByDefault: true,
  pipelineParameters: { seed: 42, sides: 20, ratio: 2, flags: [true, 'x'], extra: { k: [1] } },
};

export default pipeline(
  {
    name: 'caching-off-by-default',
    displayName: 'Caching off by default',
    inputs: {
      seed: z.int(),
      sides: z.int().default(6),
      label: z.string().default('run'),
      ratio: z.number().default(0.5),
      flags: z.array(z.unknown()).default([]),
      extra: z.record(z.string(), z.unknown()).default({}),
    },
  },
  (p, s) => {
    const coin = s.task(flipCoin, { seed: p.seed });
    const die = s.task(rollDie, { sides: p.sides }).withCaching(true);
    s.task(notify, { message: coin.outputs.Output }).withCaching(false).after(die);
    s.task(notify, { message: p.label, channel: '#cache' }).withCaching(true, 'notify-label');
  },
);
