// corpus: valid/sequential_v2.yaml
import { cmd, containerComponent, pipeline, z } from '../../../src/index.ts';

const download = containerComponent({
  name: 'download',
  inputs: { url: z.string() },
  outputs: { downloaded: z.string() },
  implementation: ({ inputs, outputs }) => ({
    image: 'google/cloud-sdk',
    command: ['sh', '-c'],
    args: [cmd`gsutil cp ${inputs.url} ${outputs.downloaded.path}`],
  }),
});

const echo = containerComponent({
  name: 'echo',
  inputs: { downloaded: z.string() },
  implementation: ({ inputs }) => ({ image: 'library/bash', command: ['sh', '-c'], args: [cmd`echo ${inputs.downloaded}`] }),
});

export default pipeline({ name: 'sequential', inputs: { url: z.string() } }, (p, s) => {
  const d = s.task(download, { url: p.url });
  s.task(echo, { downloaded: d.outputs.downloaded });
});
