// A kfp v1 component.yaml (inputs, outputs and implementation.container), loaded as kfp loads it:
// names sanitized (`Min length` → min_length), defaults cast, `if`/`isPresent` arguments.
// The declarations type the component, and the loader checks them against the file.
import * as z from 'zod';
import { Artifact, loadComponentFromFile, output, pipeline } from 'kfp-ts';

const countWords = loadComponentFromFile(new URL('./components/count_words.yaml', import.meta.url), {
  inputs: { text: z.string(), min_length: z.int().default(1), language: z.string().optional() },
  outputs: { counts: z.record(z.string(), z.unknown()), report: output(Artifact) },
});

export default pipeline({ name: 'components-v1', inputs: { text: z.string().default('to be or not to be') } }, (p, s) => {
  const first = s.task(countWords, { text: p.text });
  s.task(countWords, { text: 'again', min_length: 3, language: 'en' }).after(first);
});
