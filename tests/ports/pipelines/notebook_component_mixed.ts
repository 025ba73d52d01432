// corpus: valid/notebook_component_mixed.yaml
// The notebooks are kfp's test notebooks, byte for byte (tests/ports/fixtures/notebooks/).
import { Dataset, Metrics, Model, input, notebookComponent, output, pipeline, pythonComponent, z } from '../../../src/index.ts';

const code = `
def preprocess(text: str, dataset: dsl.Output[dsl.Dataset]):
    # Collapses runs of whitespace.
    with open(dataset.path, "w", encoding="utf-8") as f:
        f.write(" ".join(text.split()))


def train_model(cleaned_text: dsl.Input[dsl.Dataset], model: dsl.Output[dsl.Model]):
    # The notebook writes the model text; it is copied to the output.
    dsl.run_notebook(cleaned_text=open(cleaned_text.path, encoding="utf-8").read())
    with open(model.path, "w", encoding="utf-8") as f:
        f.write(open("/tmp/kfp_nb_outputs/model.txt", encoding="utf-8").read())


def evaluate_model(model_text: dsl.Input[dsl.Model], metrics: dsl.Output[dsl.Metrics]):
    # The notebook scores the model; each score is logged.
    import json

    dsl.run_notebook(model_text=open(model_text.path, encoding="utf-8").read())
    for name, value in json.load(open("/tmp/kfp_nb_outputs/metrics.json", encoding="utf-8")).items():
        metrics.log_metric(name, value)
`;

const notebooks = new URL('../fixtures/notebooks/', import.meta.url);

const preprocess = pythonComponent({ name: 'preprocess', source: { code }, inputs: { text: z.string() }, outputs: { dataset: output(Dataset) } });
const trainModel = notebookComponent({
  name: 'train_model',
  source: { code },
  notebook: new URL('nb_train_with_params.ipynb', notebooks),
  inputs: { cleaned_text: input(Dataset) },
  outputs: { model: output(Model) },
});
const evaluateModel = notebookComponent({
  name: 'evaluate_model',
  source: { code },
  notebook: new URL('nb_eval_metrics.ipynb', notebooks),
  inputs: { model_text: input(Model) },
  outputs: { metrics: output(Metrics) },
});

export default pipeline({ name: 'nb-mixed', inputs: { text: z.string().default('Hello   world') } }, (p, s) => {
  const pre = s.task(preprocess, { text: p.text }).withCaching(false);
  const train = s.task(trainModel, { cleaned_text: pre.outputs.dataset }).withCaching(false);
  s.task(evaluateModel, { model_text: train.outputs.model }).withCaching(false);
});
