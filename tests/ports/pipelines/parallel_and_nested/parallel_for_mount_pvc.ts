// corpus: valid/parallel_and_nested/parallel_for_mount_pvc.yaml
import { kubernetes, pipeline, pythonComponent, z } from '../../../../src/index.ts';

const code = `
def example_component(item: str) -> str:
    print(f"Item: {item}")
    return item
`;
const exampleComponent = pythonComponent({ name: 'example_component', source: { code }, baseImage: 'python:3.11', inputs: { item: z.string() }, outputs: { Output: z.string() } });

export default pipeline(
  {
    name: 'pipeline-parallel-for-mount-pvc',
    description: 'Pipeline with 1 component inside ParallelFor using mount_pvc.',
    inputs: { my_pvc_name_suffix: z.string().default('test-pvc') },
  },
  (_p, s) => {
    const pvc = s.task(kubernetes.CreatePVC, { pvc_name_suffix: '-my-pvc', access_modes: ['ReadWriteOnce'], size: '5Mi', storage_class_name: 'standard' });
    s.parallelFor(['a'], (item, s) => {
      const task = s.task(exampleComponent, { item });
      kubernetes.mountPvc(task, { pvcName: pvc.outputs.name, mountPath: '/data' });
    });
  },
);
