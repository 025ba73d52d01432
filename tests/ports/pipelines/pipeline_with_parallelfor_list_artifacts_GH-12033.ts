// corpus: valid/pipeline_with_parallelfor_list_artifacts_GH-12033.yaml (upstream .py:
// pipeline_with_parallelfor_list_artifacts.py) — pipelines used as components whose output is a
// list of artifacts collected from a loop, iterated by a loop in the outer pipeline.
import { Artifact, Dataset, collected, input, output, pipeline, pythonComponent, z } from '../../../src/index.ts';

const code = `
def print_artifact_name(artifact: Artifact) -> str:
    return artifact.name


def make_dataset(data: str) -> Dataset:
    return Dataset(uri=dsl.get_uri())


def make_artifact(data: str) -> Artifact:
    return Artifact(uri=dsl.get_uri())
`;
const printArtifactName = pythonComponent({ name: 'print_artifact_name', source: { code }, inputs: { artifact: input(Artifact) }, outputs: { Output: z.string() } });
const makeDataset = pythonComponent({ name: 'make_dataset', source: { code }, inputs: { data: z.string() }, outputs: { Output: output(Dataset) } });
const makeArtifact = pythonComponent({ name: 'make_artifact', source: { code }, inputs: { data: z.string() }, outputs: { Output: output(Artifact) } });

const texts = z.array(z.string()).default(['Hello', ',', ' ', 'world!']);

const makeDatasets = pipeline({ name: 'make-datasets', inputs: { texts }, outputs: { Output: output(Dataset, { list: true }) } }, (p, s) => {
  const t1 = s.parallelFor(p.texts, (text, s) => s.task(makeDataset, { data: text }));
  return { Output: collected(t1.outputs.Output) };
});

const makeArtifacts = pipeline({ name: 'make-artifacts', inputs: { texts }, outputs: { Output: output(Artifact, { list: true }) } }, (p, s) => {
  const t1 = s.parallelFor(p.texts, (text, s) => s.task(makeArtifact, { data: text }));
  return { Output: collected(t1.outputs.Output) };
});

export default pipeline({ name: 'pipeline-parallelfor-artifacts' }, (_p, s) => {
  const makeArtifactsTask = s.task(makeArtifacts, {});
  s.parallelFor(makeArtifactsTask.outputs.Output, (item, s) => void s.task(printArtifactName, { artifact: item }));
  const makeDatasetsTask = s.task(makeDatasets, {});
  s.parallelFor(makeDatasetsTask.outputs.Output, (item, s) => void s.task(printArtifactName, { artifact: item }));
});
