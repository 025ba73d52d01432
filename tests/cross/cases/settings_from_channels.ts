/**
 * Task settings from channels (kfp's extra `pipelinechannel--` inputs): CPU and memory requests
 * and limits, accelerator type and count from pipeline parameters and from task outputs, a loop
 * item as a CPU limit, the condition's own parameter as an accelerator count inside it (kfp does
 * not pass other channels used only by a setting into a loop or condition: its IR would refer to
 * undeclared inputs); every runtime placeholder inside a container's command and args (executor
 * input and output path, job resource name and id, task id, create and schedule time, workspace
 * path) in cmd`` templates and concat(); a workspace with a TTL and an active deadline.
 */
import { cmd, concat, containerComponent, gt, kubernetes, pipeline, runtime, z } from '../../../src/index.ts';

import { pickImage, rollDie, train } from '../fixtures/work-components.ts';

const runtimeArgs = containerComponent({
  name: 'runtime_args',
  inputs: { label: z.string() },
  outputs: { executor_output: z.string() },
  implementation: ({ inputs, outputs }) => ({
    image: 'alpine:3.20',
    command: ['sh', '-c', 'echo "$@"', runtime.executorInput],
    args: [
      runtime.executorOutputPath,
      runtime.pipelineJobResourceName,
      runtime.pipelineJobId,
      runtime.pipelineTaskId,
      cmd`--created=${runtime.pipelineJobCreateTimeUtc}`,
      cmd`--scheduled=${runtime.pipelineJobScheduleTimeUtc}`,
      cmd`--workspace=${runtime.workspacePath}/${inputs.label}`,
      concat(runtime.pipelineJobName, '/', inputs.label, '/', runtime.pipelineTaskName),
      '--out',
      outputs.executor_output.path,
    ],
  }),
});

export default pipeline(
  {
    name: 'settings-from-channels',
    inputs: {
      cpu_request: z.string().default('250m'),
      memory_request: z.string().default('1Gi'),
      gpus: z.int().default(1),
      gpu_type: z.string().default('nvidia.com/gpu'),
      cpus: z.array(z.string()).default(['1', '2']),
    },
    pipelineConfig: kubernetes.pipelineConfig({ workspace: { size: '2Gi' }, ttlSecondsAfterFinished: 600, activeDeadlineSeconds: 60 }),
  },
  (p, s) => {
    const size = s.task(pickImage, { flavour: '4Gi' });
    s.task(train, { epochs: 1 }).withResources({
      cpuRequest: p.cpu_request,
      memoryRequest: p.memory_request,
      memoryLimit: size.outputs.Output,
      acceleratorType: p.gpu_type,
      acceleratorCount: p.gpus,
    });
    const die = s.task(rollDie, { sides: p.gpus });
    s.task(train, { epochs: 2 }).withResources({ acceleratorCount: die.outputs.Output, cpuLimit: p.cpu_request, memoryLimit: p.memory_request });
    s.parallelFor(p.cpus, (cpu, s) => void s.task(train, { epochs: 3 }).withResources({ cpuLimit: cpu, memoryLimit: '1Gi' }));
    s.if(gt(p.gpus, 0), (s) => {
      s.task(train, { epochs: 4 }).withResources({ acceleratorType: 'nvidia.com/gpu', acceleratorCount: p.gpus });
    });
    s.task(runtimeArgs, { label: p.gpu_type });
  },
);
