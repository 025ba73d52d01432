// corpus: valid/critical/mixed_parameters.yaml
import { pipeline, pythonComponent, z } from '../../../../src/index.ts';

const code = `
def core_comp() -> int:
    return 7


def crust_comp(x: int, y: int):
    print(x, y)
`;

const coreComp = pythonComponent({ name: 'core_comp', source: { code }, outputs: { Output: z.int() } });
const crustComp = pythonComponent({ name: 'crust_comp', source: { code }, inputs: { x: z.int(), y: z.int() } });

const core = pipeline({ name: 'core', outputs: { Output: z.int() } }, (_p, s) => {
  const task = s.task(coreComp, {}).withCaching(false);
  return { Output: task.outputs.Output };
});

const mantle = pipeline({ name: 'mantle', outputs: { Output: z.int() } }, (_p, s) => {
  const dagTask = s.task(core, {}).withCaching(false);
  return { Output: dagTask.outputs.Output };
});

export default pipeline({ name: 'mixed-parameters-pipeline' }, (_p, s) => {
  const dagTask = s.task(mantle, {}).withCaching(false);
  s.task(crustComp, { x: 2, y: dagTask.outputs.Output }).withCaching(false);
});
