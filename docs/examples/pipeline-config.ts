// Pipeline-level configuration (kfp's PipelineConfig): a workspace volume shared by every task
// (its path is the placeholder runtime.workspacePath), and time limits for the run's resources.
import * as z from 'zod';
import { pipeline, pythonComponent, runtime, str } from 'kfp-ts';
import { pipelineConfig } from 'kfp-ts/kubernetes';

const source = new URL('./python/ml.py', import.meta.url);

export const say = pythonComponent({ name: 'say', source, inputs: { message: z.string() } });

export default pipeline(
  {
    name: 'pipeline-config',
    pipelineConfig: pipelineConfig({
      workspace: { size: '10Gi', kubernetes: { pvcSpecPatch: { storageClassName: 'standard', accessModes: ['ReadWriteOnce'] } } },
      ttlSecondsAfterFinished: 3600,
    }),
  },
  (_p, s) => {
    const first = s.task(say, { message: str`writing to ${runtime.workspacePath}/data` });
    s.task(say, { message: runtime.workspacePath }).after(first);
  },
);
