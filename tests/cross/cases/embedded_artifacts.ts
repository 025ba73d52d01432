/**
 * Embedded artifacts (kfp's `embedded_artifact_path`): a directory (a subdirectory and an
 * executable file in it) and single files archived into the program, `dsl.EmbeddedInput`
 * parameters left out of the interface, one function embedding two different files (components
 * -2), next to a component that embeds nothing.
 */
import { Artifact, Dataset, input, output, pipeline, pythonComponent, z } from '../../../src/index.ts';

const source = new URL('../fixtures/embedded_functions.py', import.meta.url);
const assets = new URL('../fixtures/embedded_assets/assets/', import.meta.url);

const tokenize = pythonComponent({
  name: 'tokenize',
  source,
  inputs: { text: z.string() },
  outputs: { tokens: output(Dataset) },
  embeddedArtifact: assets,
  embeddedInputs: { assets: Artifact },
});
const readConfigDecl = { name: 'read_config', source, outputs: { Output: z.int() }, embeddedInputs: { config: Dataset } } as const;
const readConfig = pythonComponent({ ...readConfigDecl, baseImage: 'python:3.12-slim', embeddedArtifact: new URL('config.json', assets) });
const readWords = pythonComponent({
  ...readConfigDecl,
  installKfpPackage: false,
  packagesToInstall: ['kfp==2.17.3'],
  embeddedArtifact: new URL('vocab/words.txt', assets),
});
const countLines = pythonComponent({ name: 'count_lines', source, inputs: { tokens: input(Dataset) }, outputs: { Output: z.int() } });

export default pipeline(
  {
    name: 'embedded-artifacts',
    description: 'A directory and single files embedded in Python components',
    inputs: { text: z.string().default('Hello brave new world') },
  },
  (p, s) => {
    const t = s.task(tokenize, { text: p.text });
    s.task(countLines, { tokens: t.outputs.tokens });
    s.task(readConfig, {});
    s.task(readWords, {}).withCaching(false);
  },
);
