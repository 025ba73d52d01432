/**
 * A pipeline as the exit task of an exit handler (kfp's pipeline_as_exit_task): its
 * PipelineTaskFinalStatus input filled from the handler, read by a task inside it (passed on as a
 * dict, which kfp allows) and tested in a condition; an unset defaulted input.
 */
import { PipelineTaskFinalStatus, containerComponent, eq, pipeline, z } from '../../../src/index.ts';

const say = containerComponent({
  name: 'say',
  inputs: { message: z.string() },
  implementation: ({ inputs }) => ({ image: 'alpine:3.20', command: ['echo', inputs.message] }),
});

const readState = containerComponent({
  name: 'read_state',
  inputs: { status: z.record(z.string(), z.unknown()) },
  outputs: { state: z.string() },
  implementation: ({ inputs, outputs }) => ({
    image: 'alpine:3.20',
    command: ['sh', '-c', 'echo "$0" > "$1"'],
    args: [inputs.status, outputs.state.path],
  }),
});

const conditionalNotification = pipeline(
  { name: 'conditional-notification', inputs: { status: PipelineTaskFinalStatus, channel: z.string().default('#ops') } },
  (p, s) => {
    // The final status is always set at run time; its channel type allows undefined like any optional input.
    const state = s.task(readState, { status: p.status as never });
    s.if(eq(state.outputs.state, 'FAILED'), (s) => void s.task(say, { message: p.channel }));
  },
);

export default pipeline({ name: 'nested-exit-pipeline', inputs: { message: z.string().default('Hello World!') } }, (p, s) => {
  const notify = s.task(conditionalNotification, {});
  s.exitHandler(notify, (s) => void s.task(say, { message: p.message }), 'my-pipeline');
});
