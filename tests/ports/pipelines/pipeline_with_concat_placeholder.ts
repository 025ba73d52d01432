// corpus: valid/pipeline_with_concat_placeholder.yaml — kfp loads the component from YAML text;
// the port declares the same container component.
import { concat, containerComponent, pipeline, z } from '../../../src/index.ts';

const componentWithConcatPlaceholder = containerComponent({
  name: 'component_with_concat_placeholder',
  inputs: { input_one: z.string(), input_two: z.string() },
  implementation: ({ inputs }) => ({
    image: 'ghcr.io/containerd/busybox',
    command: ['sh', '-ec'],
    args: [`echo "$0" > /tmp/test && [[ "$0" == 'one+two=three' ]]`, concat(inputs.input_one, '+', inputs.input_two, '=three')],
  }),
});

export default pipeline({ name: 'one-step-pipeline-with-concat-placeholder' }, (_p, s) => {
  s.task(componentWithConcatPlaceholder, { input_one: 'one', input_two: 'two' });
});
