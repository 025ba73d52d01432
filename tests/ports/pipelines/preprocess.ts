// corpus: valid/preprocess.yaml — a single component compiled on its own: `pipelineOfComponent`, as
// kfp compiles a component.
import { Dataset, output, pipelineOfComponent, pythonComponent, z } from '../../../src/index.ts';

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
    print(message)
`,
  },
  inputs: { message: z.string(), input_dict_parameter: z.record(z.string(), z.int()), input_list_parameter: z.array(z.string()) },
  // kfp 2.17.3 names an OutputPath output after its parameter, `_path` suffix included.
  outputs: {
    output_dataset_one: output(Dataset),
    output_dataset_two_path: output(Dataset),
    output_parameter_path: z.string(),
    output_bool_parameter_path: z.boolean(),
    output_dict_parameter_path: z.record(z.string(), z.int()),
    output_list_parameter_path: z.array(z.string()),
  },
});

export default pipelineOfComponent(preprocess);
