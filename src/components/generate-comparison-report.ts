import * as z from 'zod';
import { HTML } from '../dsl/artifacts.ts';
import { pythonComponent } from '../dsl/component.ts';
import { output } from '../dsl/io.ts';
import { BASE_IMAGE, PACKAGES } from './packages.ts';

/** A self-contained HTML page comparing the experiment's MLflow runs (Plotly inlined). */
export const generateComparisonReport = pythonComponent({
  name: 'generate_comparison_report',
  source: new URL('./generate_comparison_report.py', import.meta.url),
  baseImage: BASE_IMAGE,
  packagesToInstall: [PACKAGES.mlflow, PACKAGES.pandas, PACKAGES.plotly],
  inputs: { experiment_name: z.string(), mlflow_tracking_uri: z.string().default('') },
  outputs: { report: output(HTML) },
});
