// corpus: valid/critical/artifact_crust.yaml
import { Dataset, input, output, pipeline, pythonComponent } from '../../../../src/index.ts';

const code = `
def core_comp(dataset: dsl.Output[dsl.Dataset]):
    with open(dataset.path, 'w') as f:
        f.write('x')


def crust_comp(input: dsl.Dataset):
    print(input.path)
`;

const coreComp = pythonComponent({ name: 'core_comp', source: { code }, outputs: { dataset: output(Dataset) } });
const crustComp = pythonComponent({ name: 'crust_comp', source: { code }, inputs: { input: input(Dataset) } });

const core = pipeline({ name: 'core', outputs: { Output: output(Dataset) } }, (_p, s) => {
  const task = s.task(coreComp, {}).withCaching(false);
  return { Output: task.outputs.dataset };
});

const mantle = pipeline({ name: 'mantle', outputs: { Output: output(Dataset) } }, (_p, s) => {
  const dagTask = s.task(core, {}).withCaching(false);
  return { Output: dagTask.outputs.Output };
});

export default pipeline({ name: 'artifact-pipeline' }, (_p, s) => {
  const dagTask = s.task(mantle, {}).withCaching(false);
  s.task(crustComp, { input: dagTask.outputs.Output }).withCaching(false);
});
