import * as z from 'zod';
import { Dataset, Markdown } from '../dsl/artifacts.ts';
import { pythonComponent } from '../dsl/component.ts';
import { input, output } from '../dsl/io.ts';
import { BASE_IMAGE, PACKAGES } from './packages.ts';

/** Checks the data can train a binary classifier, cleans it, and reports what it found. */
export const validateData = pythonComponent({
  name: 'validate_data',
  source: new URL('./validate_data.py', import.meta.url),
  baseImage: BASE_IMAGE,
  packagesToInstall: [PACKAGES.pandas, PACKAGES.pyarrow],
  inputs: {
    input_data: input(Dataset),
    target_column: z.string().default('target'),
    min_rows: z.int().default(50),
  },
  outputs: { validated_data: output(Dataset), report: output(Markdown) },
});
