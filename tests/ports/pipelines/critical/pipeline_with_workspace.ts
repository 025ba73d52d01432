// corpus: valid/critical/pipeline_with_workspace.yaml
import { kubernetes, pipeline, pythonComponent, runtime, z } from '../../../../src/index.ts';

const code = `
def write_to_workspace(workspace_path: str) -> str:
    """Write a file to the workspace."""
    return workspace_path


def read_from_workspace(file_path: str) -> str:
    """Read a file from the workspace using the provided file path."""
    return file_path
`;
const writeToWorkspace = pythonComponent({ name: 'write_to_workspace', source: { code }, inputs: { workspace_path: z.string() }, outputs: { Output: z.string() } });
const readFromWorkspace = pythonComponent({ name: 'read_from_workspace', source: { code }, inputs: { file_path: z.string() }, outputs: { Output: z.string() } });

export default pipeline(
  {
    name: 'pipeline-with-workspace',
    description: 'A pipeline that demonstrates workspace functionality',
    pipelineConfig: kubernetes.pipelineConfig({
      workspace: { size: '1Gi', kubernetes: { pvcSpecPatch: { storageClassName: 'standard', accessModes: ['ReadWriteOnce'] } } },
    }),
    outputs: { Output: z.string() },
  },
  (_p, s) => {
    const writeTask = s.task(writeToWorkspace, { workspace_path: runtime.workspacePath });
    const readTask = s.task(readFromWorkspace, { file_path: writeTask.outputs.Output });
    return { Output: readTask.outputs.Output };
  },
);
