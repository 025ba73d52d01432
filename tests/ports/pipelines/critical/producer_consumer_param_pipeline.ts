// corpus: valid/critical/producer_consumer_param_pipeline.yaml (no .py upstream; ported from the YAML)
import { containerComponent, pipeline, z } from '../../../../src/index.ts';

const producer = containerComponent({
  name: 'producer',
  inputs: { input_text: z.string() },
  outputs: { output_value: z.string() },
  implementation: ({ inputs, outputs }) => ({
    image: 'registry.access.redhat.com/ubi9/python-311:latest',
    command: ['sh', '-c', 'set -e -x\nmkdir -p "$(dirname "$1")"\necho "$0, this is an output parameter" > "$1"\n', inputs.input_text, outputs.output_value.path],
  }),
});

const consumer = containerComponent({
  name: 'consumer',
  inputs: { input_value: z.string() },
  implementation: ({ inputs }) => ({
    image: 'registry.access.redhat.com/ubi9/python-311:latest',
    command: ['sh', '-c', 'set -e -x\necho "Read from an input parameter: " && echo "$0"\n', inputs.input_value],
  }),
});

export default pipeline({ name: 'producer-consumer-param-pipeline', inputs: { text: z.string().default('Hello world') } }, (p, s) => {
  const produced = s.task(producer, { input_text: p.text });
  s.task(consumer, { input_value: produced.outputs.output_value });
});
