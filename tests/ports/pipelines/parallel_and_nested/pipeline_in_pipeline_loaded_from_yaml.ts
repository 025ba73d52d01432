// corpus: valid/parallel_and_nested/pipeline_in_pipeline_loaded_from_yaml.yaml — a compiled
// pipeline loaded from IR YAML and merged in. kfp loads the corpus file
// essential/pipeline_with_outputs.yaml, which the shared corpus here does not hold; the port
// compiles the same pipeline (written after that file's .py) to YAML and loads the text back.
import { Artifact, compileToYaml, componentFromIrYaml, containerComponent, input, output, pipeline, pythonComponent, z } from '../../../../src/index.ts';

const code = `
def print_op1(msg: str) -> str:
    return msg
`;
const printOp1 = pythonComponent({ name: 'print_op1', source: { code }, inputs: { msg: z.string() }, outputs: { Output: z.string() } });

const printOp2 = containerComponent({
  name: 'print_op2',
  inputs: { msg: z.string() },
  outputs: { data: output(Artifact) },
  implementation: ({ inputs, outputs }) => ({
    image: 'alpine',
    command: ['sh', '-c', 'mkdir --parents $(dirname "$1") && echo "$0" > "$1"'],
    args: [inputs.msg, outputs.data.path],
  }),
});

const innerPipeline = pipeline(
  { name: 'inner-pipeline', inputs: { msg: z.string() }, outputs: { msg: z.string(), data: output(Artifact) } },
  (p, s) => {
    const task1 = s.task(printOp1, { msg: p.msg });
    const task2 = s.task(printOp2, { msg: task1.outputs.Output });
    return { msg: task1.outputs.Output, data: task2.outputs.data };
  },
);

/** essential/pipeline_with_outputs.py's pipeline. */
const pipelineWithOutputs = pipeline(
  { name: 'pipeline-in-pipeline', inputs: { msg: z.string().default('Hello') }, outputs: { Output: output(Artifact) } },
  (p, s) => {
    s.task(printOp1, { msg: p.msg });
    const task2 = s.task(innerPipeline, { msg: 'world' });
    return { Output: task2.outputs.data };
  },
);

const compiled = await compileToYaml(pipelineWithOutputs.build());
if (compiled.yamlText === undefined) throw new Error(compiled.diagnostics.map((d) => d.message).join('\n'));
const reuseYamlPipeline = componentFromIrYaml(compiled.yamlText);

const printData = pythonComponent({
  name: 'print_op1',
  source: {
    code: `
def print_op1(data: Input[Artifact]):
    print(data.path)
`,
  },
  inputs: { data: input(Artifact) },
});

export default pipeline({ name: 'pipeline-in-pipeline' }, (_p, s) => {
  const task = s.task(reuseYamlPipeline, { msg: 'Hello' });
  s.task(printData, { data: task.outputs.Output as never });
});
