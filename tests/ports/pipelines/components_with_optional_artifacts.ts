// corpus: valid/components_with_optional_artifacts.yaml
import { Artifact, Dataset, containerComponent, ifPresent, input, pipeline, pythonComponent } from '../../../src/index.ts';

const code = `
def python_artifact_printer(artifact: Optional[Input[Artifact]] = None):
    print(artifact)
`;

const pythonArtifactPrinter = pythonComponent({
  name: 'python_artifact_printer',
  source: { code },
  inputs: { artifact: input(Artifact, { optional: true }) },
});

const customArtifactPrinter = containerComponent({
  name: 'custom_artifact_printer',
  inputs: { artifact: input(Artifact, { optional: true }) },
  implementation: ({ inputs }) => ({
    image: 'alpine',
    command: [ifPresent('artifact', ['echo', inputs.artifact.uri], ['echo', 'No artifact provided!'])],
  }),
});

const innerPipeline = pipeline({ name: 'inner-pipeline', inputs: { dataset: input(Dataset, { optional: true }) } }, (p, s) => {
  s.task(pythonArtifactPrinter, { artifact: p.dataset });
});

export default pipeline({ name: 'optional-artifact-pipeline', inputs: { dataset1: input(Dataset, { optional: true }) } }, (p, s) => {
  s.task(customArtifactPrinter, { artifact: p.dataset1 });
  s.task(customArtifactPrinter, {});
  const dataset2 = s.importer({ artifactUri: 'gs://ml-pipeline-playground/shakespeare1.txt', artifactType: Dataset });
  s.task(innerPipeline, { dataset: dataset2.outputs.artifact });
  s.task(innerPipeline, {});
});
