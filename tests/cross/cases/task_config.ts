/**
 * Task configuration: CPU/memory requests and limits, accelerator type and count (alone and
 * together, constant and from parameters), env vars (a later value replaces an earlier one),
 * caching off and a cache key, retry policies (full and minimal), display names, container image
 * overrides (constant, pipeline parameter, task output), `.after`.
 */
import { pipeline, pythonComponent, z } from '../../../src/index.ts';

const source = new URL('../fixtures/work.py', import.meta.url);
const baseImage = 'python:3.11-slim';
const train = pythonComponent({
  name: 'train',
  source,
  baseImage,
  inputs: { epochs: z.int(), learning_rate: z.number().default(0.01) },
  outputs: { Output: z.number() },
});
const evaluate = pythonComponent({
  name: 'evaluate',
  source,
  baseImage,
  inputs: { loss: z.number(), threshold: z.number().default(0.5) },
  outputs: { Output: z.string() },
});
const notify = pythonComponent({ name: 'notify', source, baseImage, inputs: { message: z.string(), channel: z.string().default('#ml') } });
const pickImage = pythonComponent({ name: 'pick_image', source, baseImage, inputs: { flavour: z.string() }, outputs: { Output: z.string() } });

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
