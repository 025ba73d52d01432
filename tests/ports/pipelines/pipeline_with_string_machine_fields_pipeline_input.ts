// corpus: valid/pipeline_with_string_machine_fields_pipeline_input.yaml
import { pipeline, pythonComponent, z } from '../../../src/index.ts';

const sumNumbers = pythonComponent({
  name: 'sum_numbers',
  source: { code: 'def sum_numbers(a: int, b: int) -> int:\n    return sum([a, b])\n' },
  inputs: { a: z.int(), b: z.int() },
  outputs: { Output: z.int() },
});

export default pipeline(
  {
    name: 'pipeline',
    inputs: {
      cpu_limit: z.string().default('4000m'),
      memory_limit: z.string().default('15G'),
      accelerator_type: z.string().default('NVIDIA_TESLA_P4'),
      accelerator_limit: z.string().default('1'),
    },
  },
  (p, s) => {
    s.task(sumNumbers, { a: 1, b: 2 }).withResources({
      cpuLimit: p.cpu_limit,
      memoryLimit: p.memory_limit,
      acceleratorType: p.accelerator_type,
      acceleratorCount: p.accelerator_limit,
    });
  },
);
