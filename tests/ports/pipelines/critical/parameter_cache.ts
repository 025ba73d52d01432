// corpus: valid/critical/parameter_cache.yaml
import { pipeline, pythonComponent, z } from '../../../../src/index.ts';

const code = `
def core_comp() -> str:
    return 'foo'


def crust_comp(input: str):
    print('input :', input)
`;

const coreComp = pythonComponent({ name: 'core_comp', source: { code }, outputs: { Output: z.string() } });
const crustComp = pythonComponent({ name: 'crust_comp', source: { code }, inputs: { input: z.string() } });

const core = pipeline({ name: 'core', outputs: { Output: z.string() } }, (_p, s) => {
  const task = s.task(coreComp, {});
  return { Output: task.outputs.Output };
});

const mantle = pipeline({ name: 'mantle', outputs: { Output: z.string() } }, (_p, s) => {
  const dagTask = s.task(core, {});
  return { Output: dagTask.outputs.Output };
});

export default pipeline({ name: 'parameter-cache-pipeline' }, (_p, s) => {
  const dagTask = s.task(mantle, {});
  s.task(crustComp, { input: dagTask.outputs.Output });
});
