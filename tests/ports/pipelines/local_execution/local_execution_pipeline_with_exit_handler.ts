// corpus: valid/local_execution/local_execution_pipeline_with_exit_handler.yaml
import { PipelineTaskFinalStatus, pipeline, pythonComponent, z } from '../../../../src/index.ts';

const code = `
def record_exit(status: PipelineTaskFinalStatus) -> str:
    return f'exit:{status.state}'


def echo(message: str) -> str:
    return message
`;
const recordExit = pythonComponent({ name: 'record_exit', source: { code }, inputs: { status: PipelineTaskFinalStatus }, outputs: { Output: z.string() } });
const echo = pythonComponent({ name: 'echo', source: { code }, inputs: { message: z.string() }, outputs: { Output: z.string() } });

export default pipeline(
  {
    name: 'pipeline-with-exit-handler',
    description:
      "Runs `echo` inside an ExitHandler.\nOn success the exit task receives a PipelineTaskFinalStatus with\nstate='SUCCEEDED'. No pipeline output \u2014 KFP's compiler rejects\nreturning a value from inside an ExitHandler.",
    inputs: { message: z.string().default('hello') },
  },
  (p, s) => {
    const exitTask = s.task(recordExit, {});
    s.exitHandler(exitTask, (s) => void s.task(echo, { message: p.message }));
  },
);
