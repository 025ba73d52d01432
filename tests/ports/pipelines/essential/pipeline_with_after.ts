// corpus: valid/essential/pipeline_with_after.yaml — kfp loads the component from YAML text
// (load_component_from_text); the port declares the same container component.
import { containerComponent, pipeline, z } from '../../../../src/index.ts';

const printText = containerComponent({
  name: 'print_text',
  inputs: { text: z.string() },
  implementation: ({ inputs }) => ({ image: 'alpine', command: ['sh', '-c', 'set -e -x\necho "$0"\n', inputs.text] }),
});

export default pipeline({ name: 'pipeline-with-after' }, (_p, s) => {
  const task1 = s.task(printText, { text: '1st task' });
  const task2 = s.task(printText, { text: '2nd task' }).after(task1);
  s.task(printText, { text: '3rd task' }).after(task1, task2);
});
