/**
 * `disableCachingByDefault` (kfp's --disable-execution-caching-by-default): tasks cache only when
 * asked to. `pipelineParameters` replace defaults, and give a required input a default without
 * making it optional; an integer given to a float parameter.
 */
import { pipeline, pythonComponent, z } from '../../../src/index.ts';

const source = new URL('../fixtures/work.py', import.meta.url);
const baseImage = 'python:3.11-slim';
const flipCoin = pythonComponent({ name: 'flip_coin', source, baseImage, inputs: { seed: z.int().default(0) }, outputs: { Output: z.string() } });
const rollDie = pythonComponent({ name: 'roll_die', source, baseImage, inputs: { sides: z.int().default(6) }, outputs: { Output: z.int() } });
const notify = pythonComponent({ name: 'notify', source, baseImage, inputs: { message: z.string(), channel: z.string().default('#ml') } });

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
