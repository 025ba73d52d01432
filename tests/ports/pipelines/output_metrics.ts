// corpus: valid/output_metrics.yaml — a single component compiled on its own (wrapped in a
// pipeline of the same shape).
import { Metrics, output, pipeline, pythonComponent } from '../../../src/index.ts';

const outputMetrics = pythonComponent({
  name: 'output_metrics',
  source: {
    code: `def output_metrics(metrics: Output[Metrics]):
    """Dummy component that outputs metrics with a random accuracy."""
    metrics.log_metric('accuracy', 42)
`,
  },
  outputs: { metrics: output(Metrics) },
});

export default pipeline({ name: 'output-metrics', outputs: { metrics: output(Metrics) } }, (_p, s) => {
  const t = s.task(outputMetrics, {});
  return { metrics: t.outputs.metrics };
});
