// corpus: valid/critical/pipeline_with_input_status_state.yaml
import { PipelineTaskFinalStatus, pipeline, pythonComponent } from '../../../../src/index.ts';

const code = `
def echo_state(status: dsl.PipelineTaskFinalStatus):
    print(status)


def some_task():
    print('Executing some_task()...')
`;
const echoState = pythonComponent({ name: 'echo_state', source: { code }, inputs: { status: PipelineTaskFinalStatus } });
const someTask = pythonComponent({ name: 'some_task', source: { code } });

export default pipeline({ name: 'status-state-pipeline' }, (_p, s) => {
  const echoStateTask = s.task(echoState, {});
  s.exitHandler(echoStateTask, (s) => void s.task(someTask, {}));
});
