// corpus: valid/output_metrics.yaml — a single component compiled on its own:
// `pipelineOfComponent`, as kfp compiles a component.
import { Metrics, output, pipelineOfComponent, pythonComponent } from '../../../src/index.ts';

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

export default pipelineOfComponent(outputMetrics);
