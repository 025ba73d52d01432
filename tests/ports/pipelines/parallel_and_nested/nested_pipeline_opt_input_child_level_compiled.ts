// corpus: valid/parallel_and_nested/nested_pipeline_opt_input_child_level_compiled.yaml — a nested
// pipeline's defaulted inputs, some set by the parent, forwarded to components' optional inputs.
import { pipeline, pythonComponent, z } from '../../../../src/index.ts';

const code = `
def component_a_str(componentInputStr: str = None):
    print(componentInputStr)

def component_b_str(componentInputStr: str = None):
    print(componentInputStr)

def component_a_int(componentInputInt: int = None):
    print(componentInputInt)

def component_b_int(componentInputInt: int = None):
    print(componentInputInt)

def component_a_bool(componentInputBool: bool = None):
    print(componentInputBool)

def component_b_bool(componentInputBool: bool = None):
    print(componentInputBool)
`;
const componentAStr = pythonComponent({ name: 'component_a_str', source: { code }, inputs: { componentInputStr: z.string().optional() } });
const componentBStr = pythonComponent({ name: 'component_b_str', source: { code }, inputs: { componentInputStr: z.string().optional() } });
const componentAInt = pythonComponent({ name: 'component_a_int', source: { code }, inputs: { componentInputInt: z.int().optional() } });
const componentBInt = pythonComponent({ name: 'component_b_int', source: { code }, inputs: { componentInputInt: z.int().optional() } });
const componentABool = pythonComponent({ name: 'component_a_bool', source: { code }, inputs: { componentInputBool: z.boolean().optional() } });
const componentBBool = pythonComponent({ name: 'component_b_bool', source: { code }, inputs: { componentInputBool: z.boolean().optional() } });

const nestedPipeline = pipeline(
  {
    name: 'nested-pipeline',
    inputs: {
      nestedInputStr1: z.string().default('Input 1 - nested pipeline'),
      nestedInputStr2: z.string().default('Input 2 - nested pipeline'),
      nestedInputInt1: z.int().default(0),
      nestedInputInt2: z.int().default(0),
      nestedInputBool1: z.boolean().default(false),
      nestedInputBool2: z.boolean().default(false),
    },
  },
  (p, s) => {
    s.task(componentAStr, { componentInputStr: p.nestedInputStr1 }).withCaching(false);
    s.task(componentBStr, { componentInputStr: p.nestedInputStr2 }).withCaching(false);
    s.task(componentAInt, { componentInputInt: p.nestedInputInt1 }).withCaching(false);
    s.task(componentBInt, { componentInputInt: p.nestedInputInt2 }).withCaching(false);
    s.task(componentABool, { componentInputBool: p.nestedInputBool1 }).withCaching(false);
    s.task(componentBBool, { componentInputBool: p.nestedInputBool2 }).withCaching(false);
  },
);

export default pipeline({ name: 'nested-pipeline-opt-input-child-level' }, (_p, s) => {
  // Caching off on a pipeline task: kfp writes `cachingOptions: {}` for it.
  s.task(nestedPipeline, { nestedInputStr1: 'Input - pipeline', nestedInputInt1: 1, nestedInputBool1: true }).withCaching(false);
});
