// corpus: valid/local_execution/local_execution_pipeline_with_ignore_upstream_failure.yaml
import { pipeline, pythonComponent, z } from '../../../../src/index.ts';

const code = `
def fail_always() -> str:
    raise RuntimeError('stand-in')


def write_marker(marker_path: str) -> str:
    return marker_path
`;
const failAlways = pythonComponent({ name: 'fail_always', source: { code }, outputs: { Output: z.string() } });
const writeMarker = pythonComponent({ name: 'write_marker', source: { code }, inputs: { marker_path: z.string() }, outputs: { Output: z.string() } });

export default pipeline({ name: 'pipeline-with-ignore-upstream-failure', inputs: { marker_path: z.string() } }, (p, s) => {
  const upstream = s.task(failAlways, {});
  s.task(writeMarker, { marker_path: p.marker_path }).after(upstream).ignoreUpstreamFailure();
});
