// A component (or a whole pipeline) compiled to IR YAML, loaded as kfp's
// load_component_from_file. Its declarations (`kfp-ts codegen process_shard.yaml` writes them)
// type it: a misspelt input or output is a TypeScript error, and the loader checks them.
import * as z from 'zod';
import { loadComponentFromFile, pipeline } from 'kfp-ts';

const processShard = loadComponentFromFile(new URL('./components/process_shard.yaml', import.meta.url), {
  inputs: { shard: z.string(), scale: z.int().default(1) },
  outputs: { Output: z.int() },
});

export default pipeline({ name: 'components-loaded', inputs: { shard: z.string().default('shard-0') } }, (p, s) => {
  const first = s.task(processShard, { shard: p.shard });
  s.task(processShard, { shard: 'shard-1', scale: first.outputs.Output });
});
