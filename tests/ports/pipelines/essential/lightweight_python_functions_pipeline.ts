// corpus: valid/essential/lightweight_python_functions_pipeline.yaml (kept in tests/ports/goldens: ../shared lacks it)
// Every kind of output path (OutputPath('Dataset'), OutputPath(str/bool/Dict/List)) and an input by
// path (InputPath('Dataset')) beside Input[...]/Output[...]: kfp's own sample of passing data.
import { Dataset, Model, input, output, pipeline, pythonComponent, z } from '../../../../src/index.ts';

const preprocess = pythonComponent({
  name: 'preprocess',
  source: {
    code: `def preprocess(
    message: str,
    input_dict_parameter: Dict[str, int],
    input_list_parameter: List[str],
    output_dataset_one: Output[Dataset],
    output_dataset_two_path: OutputPath('Dataset'),
    output_parameter_path: OutputPath(str),
    output_bool_parameter_path: OutputPath(bool),
    output_dict_parameter_path: OutputPath(Dict[str, int]),
    output_list_parameter_path: OutputPath(List[str]),
):
    """Dummy preprocessing step."""
    pass
`,
  },
  inputs: { message: z.string(), input_dict_parameter: z.record(z.string(), z.int()), input_list_parameter: z.array(z.string()) },
  outputs: {
    output_dataset_one: output(Dataset),
    output_dataset_two_path: output(Dataset),
    output_parameter_path: z.string(),
    output_bool_parameter_path: z.boolean(),
    output_dict_parameter_path: z.record(z.string(), z.int()),
    output_list_parameter_path: z.array(z.string()),
  },
});

const train = pythonComponent({
  name: 'train',
  source: {
    code: `def train(
    dataset_one_path: InputPath('Dataset'),
    dataset_two: Input[Dataset],
    message: str,
    model: Output[Model],
    input_bool: bool,
    input_dict: Dict[str, int],
    input_list: List[str],
    num_steps: int = 100,
):
    """Dummy Training step."""
    pass
`,
  },
  inputs: {
    dataset_one_path: input(Dataset),
    dataset_two: input(Dataset),
    message: z.string(),
    input_bool: z.boolean(),
    input_dict: z.record(z.string(), z.int()),
    input_list: z.array(z.string()),
    num_steps: z.int().default(100),
  },
  outputs: { model: output(Model) },
});

export default pipeline(
  { name: 'my-test-pipeline-beta', inputs: { message: z.string(), input_dict: z.record(z.string(), z.int()).default({ A: 1, B: 2 }) } },
  (p, s) => {
    const preprocessTask = s.task(preprocess, { message: p.message, input_dict_parameter: p.input_dict, input_list_parameter: ['a', 'b', 'c'] });
    s.task(train, {
      dataset_one_path: preprocessTask.outputs.output_dataset_one,
      dataset_two: preprocessTask.outputs.output_dataset_two_path,
      message: preprocessTask.outputs.output_parameter_path,
      input_bool: preprocessTask.outputs.output_bool_parameter_path,
      input_dict: preprocessTask.outputs.output_dict_parameter_path,
      input_list: preprocessTask.outputs.output_list_parameter_path,
    });
  },
);
