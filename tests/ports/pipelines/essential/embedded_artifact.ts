// corpus: valid/essential/embedded_artifact.yaml
// kfp's test writes log.txt ("Hello, world!") to a temporary directory; the port embeds the same
// file from tests/ports/fixtures/embedded_artifact/artifact/.
import { Dataset, pipeline, pythonComponent } from '../../../../src/index.ts';

const code = `
def read_embedded_artifact_dir(artifact: dsl.EmbeddedInput[dsl.Dataset]):
    import os

    print(open(os.path.join(artifact.path, "log.txt"), encoding="utf-8").read())


def read_embedded_artifact_file(artifact: dsl.EmbeddedInput[dsl.Dataset]):
    print(open(artifact.path, encoding="utf-8").read())
`;

const dir = new URL('../../fixtures/embedded_artifact/artifact/', import.meta.url);

const readDir = pythonComponent({ name: 'read_embedded_artifact_dir', source: { code }, embeddedArtifact: dir, embeddedInputs: { artifact: Dataset } });
const readFile = pythonComponent({
  name: 'read_embedded_artifact_file',
  source: { code },
  embeddedArtifact: new URL('log.txt', dir),
  embeddedInputs: { artifact: Dataset },
});

export default pipeline({ name: 'nb-simple' }, (_p, s) => {
  s.task(readDir, {}).withCaching(false);
  s.task(readFile, {}).withCaching(false);
});
