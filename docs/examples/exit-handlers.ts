// Exit handlers (kfp's dsl.ExitHandler): the exit task runs after the body's tasks, whatever
// their outcome. A PipelineTaskFinalStatus input receives how they ended (the backend fills it
// in; the task passes nothing). ignoreUpstreamFailure() runs a task even when the tasks it
// depends on failed.
import * as z from 'zod';
import { Dataset, PipelineTaskFinalStatus, input, output, pipeline, pythonComponent } from 'kfp-ts';

const source = new URL('./python/ml.py', import.meta.url);

export const reportStatus = pythonComponent({ name: 'report_status', source, inputs: { status: PipelineTaskFinalStatus, label: z.string().default('run') } });
export const loadData = pythonComponent({ name: 'load_data', source, inputs: { source: z.string(), rows: z.int().default(100) }, outputs: { data: output(Dataset) } });
export const say = pythonComponent({ name: 'say', source, inputs: { message: z.string() } });

export default pipeline({ name: 'exit-handlers', inputs: { label: z.string().default('nightly') } }, (p, s) => {
  const report = s.task(reportStatus, { label: p.label });
  s.exitHandler(
    report,
    (s) => {
      const data = s.task(loadData, { source: 'gs://my-bucket/train.csv' });
      s.task(say, { message: 'loaded' }).after(data);
    },
    'guarded',
  );
  const cleanup = s.task(say, { message: 'cleanup' });
  s.task(say, { message: 'runs even if cleanup failed' }).after(cleanup).ignoreUpstreamFailure();
});
