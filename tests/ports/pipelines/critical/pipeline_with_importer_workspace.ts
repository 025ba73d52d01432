// corpus: valid/critical/pipeline_with_importer_workspace.yaml
import { Dataset, input, kubernetes, output, pipeline, pythonComponent, z } from '../../../../src/index.ts';

const code = `
def train(
    dataset: dsl.Input[dsl.Dataset]
) -> NamedTuple('Outputs', [
    ('scalar', str),
    ('message', str),
]):
    """Dummy Training step."""
    from collections import namedtuple
    output = namedtuple('Outputs', ['scalar', 'message'])
    return output('1', dataset.path)


def read_dir(data: dsl.Input[dsl.Dataset]) -> str:
    """Walk the directory and return a summary of file names."""
    import os
    return ",".join(sorted(os.listdir(data.path)))


def write_file_artifact(out_ds: Output[dsl.Dataset]):
    with open(out_ds.path, "w", encoding="utf-8") as f:
        f.write("file\\n")


def write_dir_artifact(out_ds: Output[dsl.Dataset]):
    import os
    os.makedirs(out_ds.path, exist_ok=True)


def get_uri(d: dsl.Input[dsl.Dataset]) -> str:
    return d.uri
`;

const baseImage = 'registry.access.redhat.com/ubi9/python-311:latest';
const train = pythonComponent({
  name: 'train',
  source: { code },
  baseImage,
  inputs: { dataset: input(Dataset) },
  outputs: { scalar: z.string(), message: z.string() },
});
const readDir = pythonComponent({ name: 'read_dir', source: { code }, baseImage, inputs: { data: input(Dataset) }, outputs: { Output: z.string() } });
const writeFileArtifact = pythonComponent({ name: 'write_file_artifact', source: { code }, baseImage, outputs: { out_ds: output(Dataset) } });
const writeDirArtifact = pythonComponent({ name: 'write_dir_artifact', source: { code }, baseImage, outputs: { out_ds: output(Dataset) } });
const getUri = pythonComponent({ name: 'get_uri', source: { code }, baseImage, inputs: { d: input(Dataset) }, outputs: { Output: z.string() } });

const importStage = pipeline(
  {
    name: 'import-stage',
    description: 'Nested stage that imports by URI and runs consumers.',
    inputs: { file_uri: z.string(), dir_uri: z.string() },
    outputs: { train_result: z.string(), dir_result: z.string() },
  },
  (p, s) => {
    const importer1 = s.importer({ artifactUri: p.file_uri, artifactType: Dataset, reimport: false, metadata: { key: 'value' }, downloadToWorkspace: true });
    const dirImport = s.importer({ artifactUri: p.dir_uri, artifactType: Dataset, reimport: true, downloadToWorkspace: true, metadata: { source: 'directory' } });
    const trainTask = s.task(train, { dataset: importer1.outputs.artifact });
    const dirTask = s.task(readDir, { data: dirImport.outputs.artifact });
    return { train_result: trainTask.outputs.scalar, dir_result: dirTask.outputs.Output };
  },
);

export default pipeline(
  {
    name: 'pipeline-with-importer-workspace',
    description: 'Importer downloads an artifact into workspace; downstream reads it',
    pipelineConfig: kubernetes.pipelineConfig({
      workspace: { size: '1Gi', kubernetes: { pvcSpecPatch: { storageClassName: 'standard', accessModes: ['ReadWriteOnce'] } } },
    }),
    outputs: { train_result: z.string(), dir_result: z.string() },
  },
  (_p, s) => {
    const fileWriter = s.task(writeFileArtifact, {});
    const fileUri = s.task(getUri, { d: fileWriter.outputs.out_ds });
    const dirWriter = s.task(writeDirArtifact, {});
    const dirUri = s.task(getUri, { d: dirWriter.outputs.out_ds });
    const stage = s.task(importStage, { file_uri: fileUri.outputs.Output, dir_uri: dirUri.outputs.Output });
    return { train_result: stage.outputs.train_result, dir_result: stage.outputs.dir_result };
  },
);
