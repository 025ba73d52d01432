// corpus: valid/critical/component_with_optional_inputs.yaml
import { pipeline, pythonComponent, z } from '../../../../src/index.ts';

const componentOp = pythonComponent({
  name: 'component_op',
  source: {
    code: `def component_op(
    input1: str = 'default value',
    input2: Optional[str] = None,
    input3: Optional[str] = None,
):
    print(input1, input2, input3)
`,
  },
  inputs: { input1: z.string().default('default value'), input2: z.string().optional(), input3: z.string().optional() },
});

export default pipeline({ name: 'v2-component-optional-input' }, (_p, s) => {
  s.task(componentOp, { input1: 'Hello', input2: 'World' });
});
