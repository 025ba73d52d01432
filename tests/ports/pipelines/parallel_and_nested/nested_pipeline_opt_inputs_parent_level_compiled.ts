// corpus: valid/parallel_and_nested/nested_pipeline_opt_inputs_parent_level_compiled.yaml — the
// parent's inputs override a nested pipeline's defaults (set or None) and the components' defaults.
import { pipeline, pythonComponent, z } from '../../../../src/index.ts';

const code = `
def component_nil_str_default(componentInput: str = None):
    print(componentInput)

def component_str_default(componentInput: str = 'Input - component'):
    print(componentInput)

def component_nil_int_default(componentInput: int = None):
    print(componentInput)

def component_int_default(componentInput: int = 0):
    print(componentInput)

def component_nil_bool_default(componentInput: bool = None):
    print(componentInput)

def component_bool_default(componentInput: bool = False):
    print(componentInput)
`;
const nilStrDefault = pythonComponent({ name: 'component_nil_str_default', source: { code }, inputs: { componentInput: z.string().optional() } });
const strDefault = pythonComponent({ name: 'component_str_default', source: { code }, inputs: { componentInput: z.string().default('Input - component') } });
const nilIntDefault = pythonComponent({ name: 'component_nil_int_default', source: { code }, inputs: { componentInput: z.int().optional() } });
const intDefault = pythonComponent({ name: 'component_int_default', source: { code }, inputs: { componentInput: z.int().default(0) } });
const nilBoolDefault = pythonComponent({ name: 'component_nil_bool_default', source: { code }, inputs: { componentInput: z.boolean().optional() } });
const boolDefault = pythonComponent({ name: 'component_bool_default', source: { code }, inputs: { componentInput: z.boolean().default(false) } });

const nestedPipelineNonNilDefaults = pipeline(
  {
    name: 'nested-pipeline-non-nil-defaults',
    inputs: {
      nestedInputStr: z.string().default('Input - nested pipeline'),
      nestedInputInt: z.int().default(0),
      nestedInputBool: z.boolean().default(false),
    },
  },
  (p, s) => {
    s.task(strDefault, { componentInput: p.nestedInputStr }).withCaching(false);
    s.task(intDefault, { componentInput: p.nestedInputInt }).withCaching(false);
    s.task(boolDefault, { componentInput: p.nestedInputBool }).withCaching(false);
  },
);

const nestedPipelineNilDefaults = pipeline(
  {
    name: 'nested-pipeline-nil-defaults',
    inputs: { nestedInputStr: z.string().default('Input - nested pipeline'), nestedInputInt: z.int().optional(), nestedInputBool: z.boolean().optional() },
  },
  (p, s) => {
    s.task(nilStrDefault, { componentInput: p.nestedInputStr }).withCaching(false);
    s.task(nilIntDefault, { componentInput: p.nestedInputInt }).withCaching(false);
    s.task(nilBoolDefault, { componentInput: p.nestedInputBool }).withCaching(false);
  },
);

export default pipeline(
  {
    name: 'nested-pipeline-opt-inputs-parent-level',
    inputs: { inputStr: z.string().default('Input - parent pipeline'), inputInt: z.int().default(1), inputBool: z.boolean().default(true) },
  },
  (p, s) => {
    const args = { nestedInputStr: p.inputStr, nestedInputInt: p.inputInt, nestedInputBool: p.inputBool };
    s.task(nestedPipelineNonNilDefaults, args).withCaching(false);
    s.task(nestedPipelineNilDefaults, args).withCaching(false);
  },
);
