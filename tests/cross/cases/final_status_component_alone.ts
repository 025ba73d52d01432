/**
 * A component with a PipelineTaskFinalStatus input compiled on its own: kfp allows it there
 * (is_compiled_component) and passes the status through as a plain pipeline input.
 */
import { PipelineTaskFinalStatus, containerComponent, pipelineOfComponent, z } from '../../../src/index.ts';

const report = containerComponent({
  name: 'report',
  inputs: { msg: z.string(), status: PipelineTaskFinalStatus },
  implementation: ({ inputs }) => ({ image: 'alpine:3.20', command: ['echo', inputs.msg, inputs.status] }),
});

export default pipelineOfComponent(report);
