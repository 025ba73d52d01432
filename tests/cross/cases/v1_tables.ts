/**
 * Table tools of the v1 collection: CSV → Parquet conversion, a split into folds (ten outputs, an
 * `if` with `else` arguments), Calculate hash in a loop over literal names, and Upload to GCS,
 * whose argument is a `concat` of an input and Argo text; a condition on its String output.
 * Components used only by name are loaded without declarations.
 */
import { loadComponentFromFile, ne, pipeline, z, type ParameterChannel } from '../../../src/index.ts';
import { v1File } from '../fixtures/v1-components.ts';

const chicagoTaxiTrips = loadComponentFromFile(v1File('chicago_taxi_trips'));
const convertCsvToParquet = loadComponentFromFile(v1File('convert_csv_to_parquet'));
const splitTableIntoFolds = loadComponentFromFile(v1File('split_table_into_folds'));
const calculateHash = loadComponentFromFile(v1File('calculate_hash'));
const uploadToGcs = loadComponentFromFile(v1File('upload_to_gcs_unique_uri'));

// Untyped components take any argument; an output's kind is not known to TypeScript, so the condition says it.
const text = (c: unknown): ParameterChannel<string> => c as ParameterChannel<string>;

export default pipeline({ name: 'v1-tables', inputs: { folds: z.int().default(3), prefix: z.string().default('gs://acme/folds/') } }, (p, s) => {
  const data = s.task(chicagoTaxiTrips, { limit: 100 });
  const parquet = s.task(convertCsvToParquet, { data: data.outputs.table });
  s.task(calculateHash, { data: parquet.outputs.output_data });
  const split = s.task(splitTableIntoFolds, { table: data.outputs.table, number_of_folds: p.folds, random_seed: 7 });
  s.parallelFor(['MD5', 'SHA1'], (algorithm, s) => void s.task(calculateHash, { data: split.outputs.train_1, hash_algorithm: algorithm }));
  const uploaded = s.task(uploadToGcs, { data: split.outputs.test_1, gcs_path_prefix: p.prefix });
  s.if(ne(text(uploaded.outputs.gcs_path), ''), (s) => void s.task(uploadToGcs, { data: split.outputs.test_2, gcs_path_prefix: uploaded.outputs.gcs_path }));
});
