// corpus: valid/metrics_visualization_v2.yaml
import { ClassificationMetrics, HTML, Markdown, Metrics, output, pipeline, pythonComponent, z } from '../../../src/index.ts';

const code = `
def digit_classification(metrics: Output[Metrics]):
    metrics.log_metric('accuracy', 90.0)


def wine_classification(metrics: Output[ClassificationMetrics]):
    metrics.log_roc_curve([0.0, 1.0], [0.0, 1.0], [1.0, 0.0])


def iris_sgdclassifier(test_samples_fraction: float,
                       metrics: Output[ClassificationMetrics]):
    metrics.log_confusion_matrix(['a', 'b'], [[1, 0], [0, 1]])


def html_visualization(html_artifact: Output[HTML]):
    with open(html_artifact.path, 'w') as f:
        f.write('<p>stand-in</p>')


def markdown_visualization(markdown_artifact: Output[Markdown]):
    with open(markdown_artifact.path, 'w') as f:
        f.write('stand-in')
`;
const sk = { packagesToInstall: ['scikit-learn'], baseImage: 'registry.access.redhat.com/ubi9/python-311:latest' } as const;

const digitClassification = pythonComponent({ name: 'digit_classification', source: { code }, outputs: { metrics: output(Metrics) }, ...sk });
const wineClassification = pythonComponent({ name: 'wine_classification', source: { code }, outputs: { metrics: output(ClassificationMetrics) }, ...sk });
const irisSgdclassifier = pythonComponent({
  name: 'iris_sgdclassifier',
  source: { code },
  inputs: { test_samples_fraction: z.number() },
  outputs: { metrics: output(ClassificationMetrics) },
  ...sk,
});
const htmlVisualization = pythonComponent({ name: 'html_visualization', source: { code }, outputs: { html_artifact: output(HTML) } });
const markdownVisualization = pythonComponent({ name: 'markdown_visualization', source: { code }, outputs: { markdown_artifact: output(Markdown) } });

export default pipeline({ name: 'metrics-visualization-pipeline' }, (_p, s) => {
  s.task(wineClassification, {});
  s.task(irisSgdclassifier, { test_samples_fraction: 0.3 });
  s.task(digitClassification, {});
  s.task(htmlVisualization, {});
  s.task(markdownVisualization, {});
});
