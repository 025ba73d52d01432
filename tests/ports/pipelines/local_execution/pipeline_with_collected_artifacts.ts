// corpus: valid/local_execution/pipeline_with_collected_artifacts.yaml
import { Artifact, collected, input, output, pipeline, pythonComponent, z } from '../../../../src/index.ts';

const code = `
def write_artifact(index: int, out: Output[Artifact]):
    with open(out.path, 'w') as f:
        f.write(str(index))


def read_and_join(artifacts: List[Artifact]) -> str:
    return ''
`;
const writeArtifact = pythonComponent({ name: 'write_artifact', source: { code }, inputs: { index: z.int() }, outputs: { out: output(Artifact) } });
const readAndJoin = pythonComponent({
  name: 'read_and_join',
  source: { code },
  inputs: { artifacts: input(Artifact, { list: true }) },
  outputs: { Output: z.string() },
});

export default pipeline({ name: 'pipeline-with-collected-artifacts', outputs: { Output: z.string() } }, (_p, s) => {
  const producer = s.parallelFor([0, 1, 2], (i, s) => s.task(writeArtifact, { index: i }));
  const reader = s.task(readAndJoin, { artifacts: collected(producer.outputs.out) });
  return { Output: reader.outputs.Output };
});
