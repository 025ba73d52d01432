// corpus: valid/pipeline_with_string_machine_fields_task_output.yaml
import { pipeline, pythonComponent, z } from '../../../src/index.ts';

const code = `
def cpu_limit() -> str:
    return '1'


def memory_limit() -> str:
    return '1G'


def accelerator_type() -> str:
    return 'GPU'


def accelerator_limit() -> str:
    return '0'


def sum_numbers(a: int, b: int) -> int:
    return sum([a, b])
`;
const stringOf = (name: string) => pythonComponent({ name, source: { code }, outputs: { Output: z.string() } });
const cpuLimit = stringOf('cpu_limit');
const memoryLimit = stringOf('memory_limit');
const acceleratorType = stringOf('accelerator_type');
const acceleratorLimit = stringOf('accelerator_limit');
const sumNumbers = pythonComponent({ name: 'sum_numbers', source: { code }, inputs: { a: z.int(), b: z.int() }, outputs: { Output: z.int() } });

export default pipeline({ name: 'pipeline' }, (_p, s) => {
  const sum = s.task(sumNumbers, { a: 1, b: 2 });
  const cpu = s.task(cpuLimit, {});
  const memory = s.task(memoryLimit, {});
  const type = s.task(acceleratorType, {});
  const count = s.task(acceleratorLimit, {});
  sum.withResources({
    cpuLimit: cpu.outputs.Output,
    memoryLimit: memory.outputs.Output,
    acceleratorType: type.outputs.Output,
    acceleratorCount: count.outputs.Output,
  });
});
