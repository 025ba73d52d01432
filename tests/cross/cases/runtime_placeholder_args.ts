/**
 * Runtime placeholders (kfp's dsl.*_PLACEHOLDER strings) as task arguments: each one to a Python
 * component's string input and to a container component's; inside str`` templates with a
 * parameter; inside list and struct arguments; as an importer's URI. runtime.workspacePath needs a
 * workspace.
 */
import { Dataset, containerComponent, kubernetes, pipeline, runtime, str, z } from '../../../src/index.ts';
import { notify } from '../fixtures/work-components.ts';

import { summariseParams } from '../fixtures/params-component.ts';

const echoText = containerComponent({
  name: 'echo_text',
  inputs: { text: z.string() },
  implementation: ({ inputs }) => ({ image: 'alpine:3.20', command: ['echo', inputs.text] }),
});

export default pipeline(
  {
    name: 'runtime-placeholder-args',
    inputs: { run: z.string().default('r1') },
    pipelineConfig: kubernetes.pipelineConfig({ workspace: { size: '1Gi', kubernetes: { pvcSpecPatch: { accessModes: ['ReadWriteOnce'] } } } }),
  },
  (p, s) => {
    for (const placeholder of Object.values(runtime)) {
      s.task(notify, { message: placeholder });
      s.task(echoText, { text: placeholder });
    }
    s.task(notify, { message: str`${runtime.workspacePath}/${p.run}/data`, channel: str`${runtime.pipelineJobName}` });
    s.task(echoText, { text: str`${p.run}@${runtime.pipelineTaskId}` });
    s.task(summariseParams, {
      text: runtime.pipelineRoot,
      count: 1,
      ratio: 0.5,
      enabled: true,
      names: [runtime.pipelineJobId, p.run, str`${runtime.pipelineTaskName}-${p.run}`],
      settings: { a: 1 },
      limits: { job: runtime.pipelineJobResourceName, nested: { at: runtime.pipelineJobCreateTimeUtc } },
    });
    s.importer({ artifactUri: runtime.workspacePath, artifactType: Dataset });
    s.importer({ artifactUri: runtime.pipelineRoot, artifactType: Dataset, metadata: { run: p.run } });
  },
);
