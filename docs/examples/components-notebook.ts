// A notebook component (kfp's @dsl.notebook_component): the notebook is embedded in the component;
// the function runs it with dsl.run_notebook(...), its parameters going into the cell tagged
// `parameters`. An embedded file or folder for a Python component works the same way
// (`embeddedArtifact`, `embeddedInputs`).
import * as z from 'zod';
import { notebookComponent, pipeline } from 'kfp-ts';

export const report = notebookComponent({
  name: 'read_notebook_report',
  source: new URL('./python/ml.py', import.meta.url),
  notebook: new URL('./notebooks/report.ipynb', import.meta.url),
  inputs: { rows: z.int() },
  outputs: { Output: z.string() },
});

export default pipeline({ name: 'components-notebook', inputs: { rows: z.int().default(20) } }, (p, s) => {
  s.task(report, { rows: p.rows });
});
