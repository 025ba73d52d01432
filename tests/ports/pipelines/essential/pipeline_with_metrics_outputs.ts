// corpus: valid/essential/pipeline_with_metrics_outputs.yaml
import { Metrics, output, pipeline, pythonComponent } from '../../../../src/index.ts';

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

export default pipeline({ name: 'pipeline-with-metrics-outputs' }, (_p, s) => {
  s.task(outputMetrics, {});
  s.parallelFor([1, 2], (_item, s) => {
    s.task(outputMetrics, {});
  });
});
