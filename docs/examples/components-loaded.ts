// A component (or a whole pipeline) loaded from IR YAML, as kfp's load_component_from_file /
// _from_text / _from_url: anything kfp or kfp-ts compiled, typed from its interface.
import { readFileSync } from 'node:fs';
import * as z from 'zod';
import { componentFromIrYaml, pipeline } from 'kfp-ts';

const processShard = componentFromIrYaml(readFileSync(new URL('./components/process_shard.yaml', import.meta.url), 'utf8'));

export default pipeline({ name: 'components-loaded', inputs: { shard: z.string().default('shard-0') } }, (p, s) => {
  const first = s.task(processShard, { shard: p.shard });
  s.task(processShard, { shard: 'shard-1', scale: first.outputs.Output! });
});
