import * as z from 'zod';
import { Dataset } from '../dsl/artifacts.ts';
import { pythonComponent } from '../dsl/component.ts';
import { output } from '../dsl/io.ts';
import { BASE_IMAGE, PACKAGES } from './packages.ts';

/** Reads CSV or Parquet (local, file://, http(s)://, s3://) into a Parquet Dataset. */
export const ingestData = pythonComponent({
  name: 'ingest_data',
  source: new URL('./ingest_data.py', import.meta.url),
  baseImage: BASE_IMAGE,
  packagesToInstall: [PACKAGES.pandas, PACKAGES.pyarrow, PACKAGES.boto3],
  inputs: { source_path: z.string() },
  outputs: { output_data: output(Dataset) },
});
