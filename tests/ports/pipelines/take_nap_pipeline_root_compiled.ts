// corpus: valid/take_nap_pipeline_root_compiled.yaml (no .py upstream; caching disabled by default)
import { pipeline, pythonComponent, z } from '../../../src/index.ts';

const code = `
def take_nap(naptime_secs: int) -> str:
    return str(naptime_secs)


def wake_up(message: str):
    print(message)
`;
const takeNap = pythonComponent({ name: 'take_nap', source: { code }, inputs: { naptime_secs: z.int() }, outputs: { Output: z.string() } });
const wakeUp = pythonComponent({ name: 'wake_up', source: { code }, inputs: { message: z.string() } });

export const compileOptions = { disableCachingByDefault: true };

export default pipeline(
  { name: 'take-nap-pipeline', description: 'Pipeline that sleeps for 15 mins (900 secs)', pipelineRoot: 's3://change/me', inputs: { naptime_secs: z.int().default(900) } },
  (p, s) => {
    const nap = s.task(takeNap, { naptime_secs: p.naptime_secs });
    s.task(wakeUp, { message: nap.outputs.Output });
  },
);
