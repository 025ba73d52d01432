// corpus: valid/containerized_python_component.yaml — a containerized Python component
// (target_image) compiled on its own: `pipelineOfComponent`, as kfp compiles a component.
import { pipelineOfComponent, pythonComponent, z } from '../../../src/index.ts';

const concatMessage = pythonComponent({
  name: 'concat_message',
  source: { code: 'def concat_message(message1: str, message2: str) -> str:\n    return f"{message1}{message2}"\n' },
  inputs: { message1: z.string(), message2: z.string() },
  outputs: { Output: z.string() },
  baseImage: 'registry.access.redhat.com/ubi9/python-311:latest',
  targetImage: 'kfp-image',
});

export default pipelineOfComponent(concatMessage);
