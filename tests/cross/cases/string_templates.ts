/**
 * Run-time values inside constants: str`` templates (kfp's f-string arguments) with pipeline
 * parameters and task outputs, repeated values, a template inside a condition; channels inside
 * list and struct arguments.
 */
import { gt, pipeline, str, z } from '../../../src/index.ts';
import { notify, pickImage, rollDie } from '../fixtures/work-components.ts';

import { summariseParams } from '../fixtures/params-component.ts';

export default pipeline(
  {
    name: 'string-templates',
    inputs: {
      bucket: z.string().default('gs://acme'),
      run: z.string().default('r1'),
      shards: z.int().default(4),
      ratio: z.number().default(0.5),
      on: z.boolean().default(false),
    },
  },
  (p, s) => {
    const image = s.task(pickImage, { flavour: str`${p.run}-slim` });
    const die = s.task(rollDie, { sides: p.shards });
    s.task(notify, { message: str`${p.bucket}/${p.run}/data`, channel: str`#${image.outputs.Output}` });
    s.task(notify, { message: str`rolled ${die.outputs.Output} of ${p.shards} at ${p.ratio} (${p.on}) for ${p.run} in ${p.run}` });
    s.task(notify, { message: str`${image.outputs.Output}` });
    s.if(gt(die.outputs.Output, 2), (s) => {
      s.task(notify, { message: str`${p.bucket}/${die.outputs.Output}/${image.outputs.Output}` });
    });
    s.task(summariseParams, {
      text: str`${p.run}!`,
      count: die.outputs.Output,
      ratio: p.ratio,
      enabled: p.on,
      names: ['fixed', p.run, str`${p.bucket}-${p.run}`],
      settings: { shards: p.shards, rolled: die.outputs.Output },
      tags: [die.outputs.Output, image.outputs.Output],
      limits: { nested: { k: [p.run] }, label: str`x${p.run}` },
    });
  },
);
