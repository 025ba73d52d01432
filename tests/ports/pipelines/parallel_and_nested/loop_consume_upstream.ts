// corpus: valid/parallel_and_nested/loop_consume_upstream.yaml
import { Artifact, input, output, pipeline, pythonComponent, z } from '../../../../src/index.ts';

const code = `
def split_input(input: str) -> list:
    return input.split(',')


def create_file(file: Output[Artifact], content: str):
    with open(file.path, 'w') as f:
        f.write(content)


def read_file(file: Input[Artifact]) -> str:
    return file.path


def print_input(input: list):
    print(input)
`;
const splitInput = pythonComponent({ name: 'split_input', source: { code }, inputs: { input: z.string() }, outputs: { Output: z.array(z.unknown()) } });
const createFile = pythonComponent({ name: 'create_file', source: { code }, inputs: { content: z.string() }, outputs: { file: output(Artifact) } });
const readFile = pythonComponent({ name: 'read_file', source: { code }, inputs: { file: input(Artifact) }, outputs: { Output: z.string() } });
const printInput = pythonComponent({ name: 'print_input', source: { code }, inputs: { input: z.array(z.unknown()) } });

export default pipeline({ name: 'loop-consume-upstream', displayName: 'Loop Consume Upstream' }, (_p, s) => {
  const modelIdsSplitOp = s.task(splitInput, { input: 'component1,component2,component3' }).withCaching(false).withDisplayName('same display name');
  s.parallelFor(modelIdsSplitOp.outputs.Output, (modelId, s) => {
    const createFileOp = s.task(createFile, { content: modelId as never }).withCaching(false).withDisplayName('same display name');
    s.task(readFile, { file: createFileOp.outputs.file }).withCaching(false).withDisplayName('same display name');
  });
  s.task(printInput, { input: modelIdsSplitOp.outputs.Output }).withCaching(false).withDisplayName('same display name');
});
