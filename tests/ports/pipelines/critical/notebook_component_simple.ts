// corpus: valid/critical/notebook_component_simple.yaml
// The notebook is kfp's test notebook, byte for byte (tests/ports/fixtures/notebooks/).
import { notebookComponent, pipeline, z } from '../../../../src/index.ts';

const code = `
def run_train_notebook(text: str):
    # Runs the notebook with \`text\` injected; the notebook writes its log.
    dsl.run_notebook(text=text)
    print(open("/tmp/kfp_nb_outputs/log.txt", encoding="utf-8").read())
`;

const runTrainNotebook = notebookComponent({
  name: 'run_train_notebook',
  source: { code },
  notebook: new URL('../../fixtures/notebooks/nb_train_simple.ipynb', import.meta.url),
  inputs: { text: z.string() },
});

export default pipeline({ name: 'nb-simple', inputs: { text: z.string().default('hello') } }, (p, s) => {
  s.task(runTrainNotebook, { text: p.text }).withCaching(false);
});
