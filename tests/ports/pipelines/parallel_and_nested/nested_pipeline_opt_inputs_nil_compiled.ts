// corpus: valid/parallel_and_nested/nested_pipeline_opt_inputs_nil_compiled.yaml — a nested
// pipeline whose inputs default to None, none of them set by the parent.
import { pipeline, pythonComponent, z } from '../../../../src/index.ts';

const code = `
def component_str(componentInput: str = None):
    print(componentInput)

def component_int(componentInput: int = None):
    print(componentInput)

def component_bool(componentInput: bool = None):
    print(componentInput)
`;
const componentStr = pythonComponent({ name: 'component_str', source: { code }, inputs: { componentInput: z.string().optional() } });
const componentInt = pythonComponent({ name: 'component_int', source: { code }, inputs: { componentInput: z.int().optional() } });
const componentBool = pythonComponent({ name: 'component_bool', source: { code }, inputs: { componentInput: z.boolean().optional() } });

const nestedPipeline = pipeline(
  {
    name: 'nested-pipeline',
    inputs: { nestedInputStr: z.string().optional(), nestedInputInt: z.int().optional(), nestedInputBool: z.boolean().optional() },
  },
  (p, s) => {
    s.task(componentStr, { componentInput: p.nestedInputStr }).withCaching(false);
    s.task(componentInt, { componentInput: p.nestedInputInt }).withCaching(false);
    s.task(componentBool, { componentInput: p.nestedInputBool }).withCaching(false);
  },
);

export default pipeline({ name: 'nested-pipeline-opt-inputs-nil' }, (_p, s) => {
  s.task(nestedPipeline, {}).withCaching(false);
});
