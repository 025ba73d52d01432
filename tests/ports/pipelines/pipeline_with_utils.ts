// corpus: valid/pipeline_with_utils.yaml — kfp's additional_funcs only change the embedded
// program, which the comparison replaces by a token.
import { pipeline, pythonComponent, z } from '../../../src/index.ts';

const echo = pythonComponent({ name: 'echo', source: { code: 'def echo(msg: str):\n    print(msg)\n' }, inputs: { msg: z.string() } });

export default pipeline(
  { name: 'pipeline-with-utils', description: 'A simple hello world pipeline', inputs: { msg: z.string().default('Hello, World!') } },
  (p, s) => {
    s.task(echo, { msg: p.msg });
  },
);
