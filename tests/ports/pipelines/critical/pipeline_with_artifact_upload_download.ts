// corpus: valid/critical/pipeline_with_artifact_upload_download.yaml
import { Dataset, input, output, pipeline, pythonComponent, z } from '../../../../src/index.ts';

const code = `
def download_dataset_and_upload_as_artifact(dataset_repo: str, dataset_name: str, output_dataset: Output[Dataset]):
    print(dataset_repo, dataset_name, output_dataset.path)


def print_dataset_info(dataset: Dataset):
    print('Information about the artifact')
`;
const downloadDatasetAndUploadAsArtifact = pythonComponent({
  name: 'download_dataset_and_upload_as_artifact',
  source: { code },
  packagesToInstall: ['datasets==4.0.0'],
  inputs: { dataset_repo: z.string(), dataset_name: z.string() },
  outputs: { output_dataset: output(Dataset) },
});
const printDatasetInfo = pythonComponent({ name: 'print_dataset_info', source: { code }, inputs: { dataset: input(Dataset) } });

export default pipeline(
  {
    name: 'pipeline-with-datasets',
    description: 'Download Hugging Face Data Set, upload it as an artifact and print its metadata',
    inputs: { dataset_repo: z.string().default('google/frames-benchmark'), dataset_name: z.string().default('') },
  },
  (p, s) => {
    const downloaded = s.task(downloadDatasetAndUploadAsArtifact, { dataset_repo: p.dataset_repo, dataset_name: p.dataset_name });
    s.task(printDatasetInfo, { dataset: downloaded.outputs.output_dataset });
  },
);
