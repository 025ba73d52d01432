/**
 * A loop's parameter outputs collected into a task inside a condition after the loop (the
 * collected output passed into the condition group), and an importer in that condition whose
 * metadata holds a task output from beside it.
 */
import { Dataset, collected, eq, pipeline, z } from '../../../src/index.ts';

import { double, pickImage, total } from '../fixtures/work-components.ts';

export default pipeline({ name: 'collected-into-groups', inputs: { numbers: z.array(z.int()).default([1, 2]), go: z.boolean().default(true) } }, (p, s) => {
  const d = s.parallelFor(p.numbers, (n, s) => s.task(double, { number: n }));
  s.if(eq(p.go, true), (s) => {
    s.task(total, { numbers: collected(d.outputs.Output) });
    const image = s.task(pickImage, { flavour: 'x' });
    s.importer({ artifactUri: 'gs://x/y', artifactType: Dataset, metadata: { flavour: image.outputs.Output } });
  });
});
