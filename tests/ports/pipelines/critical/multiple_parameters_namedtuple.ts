// corpus: valid/critical/multiple_parameters_namedtuple.yaml
import { pipeline, pythonComponent, z } from '../../../../src/index.ts';

const code = `
def core_comp() -> NamedTuple('outputs', val1=str, val2=str):  # type: ignore
    outputs = NamedTuple('outputs', val1=str, val2=str)
    return outputs('a', 'b')


def crust_comp(val1: str, val2: str):
    print(val1, val2)
`;

const coreComp = pythonComponent({ name: 'core_comp', source: { code }, outputs: { val1: z.string(), val2: z.string() } });
const crustComp = pythonComponent({ name: 'crust_comp', source: { code }, inputs: { val1: z.string(), val2: z.string() } });

const core = pipeline({ name: 'core', outputs: { val1: z.string(), val2: z.string() } }, (_p, s) => {
  const task = s.task(coreComp, {}).withCaching(false);
  return { val1: task.outputs.val1, val2: task.outputs.val2 };
});

const mantle = pipeline({ name: 'mantle', outputs: { val1: z.string(), val2: z.string() } }, (_p, s) => {
  const dagTask = s.task(core, {}).withCaching(false);
  return { val1: dagTask.outputs.val1, val2: dagTask.outputs.val2 };
});

export default pipeline({ name: 'multiple-parameters-namedtuple-pipeline' }, (_p, s) => {
  const dagTask = s.task(mantle, {}).withCaching(false);
  s.task(crustComp, { val1: dagTask.outputs.val1, val2: dagTask.outputs.val2 }).withCaching(false);
});
