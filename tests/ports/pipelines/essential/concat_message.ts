// corpus: valid/essential/concat_message.yaml — a single component compiled on its own:
// `pipelineOfComponent`, as kfp compiles a component.
import { pipelineOfComponent, pythonComponent, z } from '../../../../src/index.ts';

const concatMessage = pythonComponent({
  name: 'concat_message',
  source: { code: 'def concat_message(message1: str, message2: str) -> str:\n    return "".join([message1, message2])\n' },
  inputs: { message1: z.string(), message2: z.string() },
  outputs: { Output: z.string() },
});

export default pipelineOfComponent(concatMessage);
