// corpus: valid/essential/placeholder_with_if_placeholder_none_input_value.yaml (no .py upstream)
import { containerComponent, ifPresent, pipeline, z } from '../../../../src/index.ts';

const componentWithOptionalInputs = containerComponent({
  name: 'component_with_optional_inputs',
  inputs: { required_input: z.string(), optional_input_1: z.string().optional(), optional_input_2: z.string().optional() },
  implementation: ({ inputs }) => ({
    image: 'ghcr.io/containerd/busybox',
    command: ['echo'],
    args: [
      '--arg0', inputs.required_input,
      ifPresent('optional_input_1', ['--arg1', inputs.optional_input_1]),
      ifPresent('optional_input_2', ['--arg2', inputs.optional_input_2], ['--arg2', 'default value']),
    ],
  }),
});

export default pipeline({ name: 'one-step-pipeline-with-if-placeholder-supply-none', inputs: { input0: z.string().default('input0') } }, (p, s) => {
  s.task(componentWithOptionalInputs, { required_input: p.input0 });
});
