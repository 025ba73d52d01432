// Container components (kfp's @dsl.container_component): an image, a command and args, with
// placeholders for the component's own inputs and outputs. `cmd` is an f-string; `concat` and
// `ifPresent` are kfp's ConcatPlaceholder and IfPresentPlaceholder.
import * as z from 'zod';
import { Dataset, cmd, concat, containerComponent, ifPresent, input, output, pipeline } from 'kfp-ts';

export const download = containerComponent({
  name: 'download',
  inputs: { url: z.string(), retries: z.int().default(3) },
  outputs: { data: output(Dataset), size: z.int() },
  implementation: ({ inputs, outputs }) => ({
    image: 'curlimages/curl:8.11.1',
    command: ['sh', '-c', 'curl --retry "$1" -o "$2" "$0" && wc -c < "$2" > "$3"'],
    args: [inputs.url, inputs.retries, outputs.data.path, outputs.size.path],
  }),
});

export const summarize = containerComponent({
  name: 'summarize',
  inputs: { data: input(Dataset), title: z.string().optional() },
  implementation: ({ inputs }) => ({
    image: 'alpine:3.20',
    command: ['sh', '-c'],
    args: [
      cmd`head -n 5 ${inputs.data.path}`,
      concat('--source=', inputs.data.uri),
      ifPresent('title', ['--title', inputs.title], ['--untitled']),
    ],
  }),
});

export default pipeline({ name: 'components-container', inputs: { url: z.string().default('https://example.com/data.csv') } }, (p, s) => {
  const d = s.task(download, { url: p.url });
  s.task(summarize, { data: d.outputs.data, title: 'first rows' });
});
