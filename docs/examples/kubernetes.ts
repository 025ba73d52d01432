// Kubernetes settings (kfp-kubernetes): each helper records its setting on the task (and returns
// the task), written to the compiled file's `platforms:` document. Secrets and config maps as
// environment variables or volumes, PVCs (created, mounted, deleted), node selectors,
// tolerations, pod labels, image pull secrets, timeouts.
import * as z from 'zod';
import { Dataset, output, pipeline, pythonComponent } from 'kfp-ts';
import {
  CreatePVC,
  DeletePVC,
  addNodeSelector,
  addPodLabel,
  addToleration,
  mountPvc,
  setImagePullSecrets,
  setTimeout,
  useConfigMapAsEnv,
  useSecretAsEnv,
  useSecretAsVolume,
} from 'kfp-ts/kubernetes';

const source = new URL('./python/ml.py', import.meta.url);

export const loadData = pythonComponent({ name: 'load_data', source, inputs: { source: z.string(), rows: z.int().default(100) }, outputs: { data: output(Dataset) } });
export const say = pythonComponent({ name: 'say', source, inputs: { message: z.string() } });

export default pipeline({ name: 'kubernetes', inputs: { secret: z.string().default('db-credentials') } }, (p, s) => {
  const pvc = s.task(CreatePVC, { pvc_name_suffix: '-scratch', access_modes: ['ReadWriteOnce'], size: '5Gi', storage_class_name: 'standard' });

  let load = s.task(loadData, { source: 'gs://my-bucket/train.csv' });
  load = useSecretAsEnv(load, { secretName: p.secret, secretKeyToEnv: { password: 'DB_PASSWORD' } });
  load = useSecretAsVolume(load, { secretName: 'gcp-key', mountPath: '/secrets/gcp' });
  load = useConfigMapAsEnv(load, { configMapName: 'settings', configMapKeyToEnv: { region: 'REGION' } });
  load = mountPvc(load, { pvcName: pvc.outputs.name, mountPath: '/scratch' });
  load = addNodeSelector(load, { labelKey: 'cloud.google.com/gke-nodepool', labelValue: 'cpu-pool' });
  load = addToleration(load, { key: 'dedicated', operator: 'Equal', value: 'ml', effect: 'NoSchedule' });
  load = addPodLabel(load, { labelKey: 'team', labelValue: 'ml' });
  load = setImagePullSecrets(load, ['registry-credentials']);
  load = setTimeout(load, 3600);

  s.task(DeletePVC, { pvc_name: pvc.outputs.name }).after(load);
  s.task(say, { message: 'done' }).after(load);
});
