// corpus: valid/pipeline_with_secret_as_volume.yaml
import { kubernetes, pipeline, pythonComponent, z } from '../../../src/index.ts';

const comp = pythonComponent({ name: 'comp', source: { code: "def comp():\n    print(open('/mnt/my_vol/username').read())\n" } });

export default pipeline({ name: 'pipeline-secret-volume', inputs: { secret_param: z.string().default('test-secret-1') } }, (p, s) => {
  kubernetes.useSecretAsVolume(s.task(comp, {}), { secretName: p.secret_param, mountPath: '/mnt/my_vol' });
});
