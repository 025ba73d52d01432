/**
 * Task configuration: CPU/memory requests and limits, accelerator type and count (alone and
 * together, constant and from parameters), env vars (a later value replaces an earlier one),
 * caching off and a cache key, retry policies (full and minimal), display names, container image
 * overrides (constant, pipeline parameter, task output), `.after`.
 */
import { pipeline, z } from '../../../src/index.ts';
import { train, evaluate, notify, pickImage } from '../fixtures/work-components.ts';

export default pipeline(
  {
    name: 'task-config',
    description: 'Resources, accelerators, env, caching, retries, display names, images',
    inputs: {
      epochs: z.int().default(3),
      cpu: z.string().default('1500m'),
      gpu_type: z.string().default('nvidia.com/gpu'),
      flavour: z.string().default('slim'),
    },
  },
  (p, s) => {
    const big = s
      .task(train, { epochs: p.epochs, learning_rate: 0.1 })
      .withResources({ cpuRequest: '500m', cpuLimit: '2', memoryRequest: '512Mi', memoryLimit: '4G' })
      .withResources({ acceleratorType: 'nvidia.com/gpu', acceleratorCount: 2 })
      .withDisplayName('Train on GPUs')
      .withRetry({ maxRetryCount: 3, backoffDuration: '30s', backoffFactor: 1.5, backoffMaxDuration: '1h' })
      .withEnv({ LOG_LEVEL: 'debug', OMP_NUM_THREADS: '4' })
      .withEnv({ LOG_LEVEL: 'info' });

    const small = s
      .task(train, { epochs: 1 })
      .withResources({ cpuLimit: '0.5', memoryLimit: '1024', acceleratorType: 'TPU_V3' })
      .withCaching(false)
      .withRetry({ maxRetryCount: 2 });

    const dynamic = s.task(train, { epochs: p.epochs }).withResources({ cpuLimit: p.cpu, acceleratorType: p.gpu_type, memoryRequest: '2Ki' });

    const countOnly = s
      .task(evaluate, { loss: big.outputs.Output })
      .withResources({ acceleratorCount: '4' })
      .withCaching(true, 'evaluate-v1');

    const image = s.task(pickImage, { flavour: p.flavour });
    s.task(notify, { message: countOnly.outputs.Output }).withContainerImage('alpine:3.20').after(small);
    s.task(notify, { message: 'done', channel: '#ops' }).withContainerImage(image.outputs.Output).after(dynamic);
    s.task(notify, { message: 'param image' }).withContainerImage(p.flavour).withDisplayName('notify with a parameter image');
  },
);
