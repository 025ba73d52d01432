/**
 * Groups within groups: an exit handler around a loop over a parameter whose body imports an
 * artifact by the loop item (reimport), trains on it, and holds a condition with a nested loop
 * collected inside it; the imported artifacts collected after the loop, still in the handler;
 * then a loop whose body has an If/Elif/Else on a task output and takes the OneOf of the three
 * branches.
 */
import { Dataset, collected, eq, gt, pipeline, z, type TaskHandle } from '../../../src/index.ts';

import { mergeDatasets, trainOn } from '../fixtures/artifact-components.ts';
import { double, notify, pickImage, rollDie, total } from '../fixtures/work-components.ts';

type Pick = TaskHandle<{ Output: z.ZodString }>;

export default pipeline(
  {
    name: 'groups-mix',
    inputs: { uris: z.array(z.string()).default(['gs://a/1', 'gs://a/2']), numbers: z.array(z.int()).default([1, 2]), flag: z.boolean().default(true) },
  },
  (p, s) => {
    const cleanup = s.task(notify, { message: 'cleanup' });
    s.exitHandler(cleanup, (s) => {
      const data = s.parallelFor(p.uris, (uri, s) => {
        const data = s.importer({ artifactUri: uri, artifactType: Dataset, reimport: true });
        s.task(trainOn, { data: data.outputs.artifact });
        s.if(eq(p.flag, true), (s) => {
          const d = s.parallelFor(p.numbers, (n, s) => s.task(double, { number: n }));
          s.task(total, { numbers: collected(d.outputs.Output) });
        });
        return data;
      });
      s.task(mergeDatasets, { parts: collected(data.outputs.artifact) });
    });
    s.parallelFor(
      p.numbers,
      (m, s) => {
        const die = s.task(rollDie, { sides: m });
        const picks: Pick[] = [];
        s.if(gt(die.outputs.Output, 4), (s) => void picks.push(s.task(pickImage, { flavour: 'big' })))
          .elif(gt(die.outputs.Output, 2), (s) => void picks.push(s.task(pickImage, { flavour: 'mid' })))
          .else((s) => void picks.push(s.task(pickImage, { flavour: 'small' })));
        const [a, b, c] = picks as [Pick, Pick, Pick];
        s.task(notify, { message: s.oneOf(a.outputs.Output, b.outputs.Output, c.outputs.Output) });
      },
      { parallelism: 1 },
    );
  },
);
