/**
 * `kfp-ts codegen` for component YAML, run as a user runs it: a stale or missing module fails the
 * check (committed-modules.test.ts checks every committed one is fresh), a second run writes the same bytes,
 * the modules for the v1 files of the public collection and for a URL type-check, the files kfp
 * refuses are refused, and a URL's module embeds what was served.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type http from 'node:http';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loopback, type Loopback } from '../client/support/loopback.ts';
import { REPO } from '../support/repo.ts';
import { codegenInProcess, runCliAsync, typecheck } from './support.ts';

const V1_DIR = path.join(REPO, 'tests', 'fixtures', 'kfp-v1-components');
const USABLE = [
  'build_dict',
  'calculate_hash',
  'catboost_predict_classes',
  'catboost_train_classifier',
  'chicago_taxi_trips',
  'convert_csv_to_parquet',
  'kserve',
  'split_table_into_folds',
  'upload_to_gcs_unique_uri',
  'vertex_model_upload',
  'xgboost_predict',
  'xgboost_train',
];
const REFUSED = ['ml_engine_train', 'presto_query'];

mkdirSync(path.join(REPO, 'test-artifacts'), { recursive: true });
// Inside the repository, so the modules resolve zod and kfp-ts' sources as a project would.
const work = mkdtempSync(path.join(REPO, 'test-artifacts', 'codegen-yaml-'));
const importFrom = path.relative(work, path.join(REPO, 'src', 'index.ts')).split(path.sep).join('/');
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('kfp-ts codegen (component YAML)', () => {
  it('GIVEN a stale or missing module WHEN checked THEN --check exits 1 and says how to regenerate; the file is left as it was', async () => {
    const source = path.join(V1_DIR, 'calculate_hash.yaml');
    const out = path.join(work, 'stale.ts');
    expect((await runCliAsync(['codegen', source, '-o', out, '--import-from', importFrom])).code).toBe(0);
    const fresh = readFileSync(out, 'utf8');
    writeFileSync(out, fresh.replace("z.string().default('SHA256')", "z.string().default('MD5')"));
    const stale = await runCliAsync(['codegen', source, '-o', out, '--import-from', importFrom, '--check']);
    expect(stale.code).toBe(1);
    expect(stale.stderr).toMatch(/stale\.ts is stale: it is not what codegen writes for .*calculate_hash\.yaml; run: kfp-ts codegen /);
    expect(readFileSync(out, 'utf8')).not.toBe(fresh);
    const missing = await runCliAsync(['codegen', source, '-o', path.join(work, 'none.ts'), '--check']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/none\.ts is missing/);
    const noOutput = await runCliAsync(['codegen', source, '--check']);
    expect(noOutput.code).toBe(2);
    expect(noOutput.stderr).toBe('error: --check: needs -o, --output <file>: the generated file to compare [cli/invalid-option]\n');
  });

  it('GIVEN a file that does not exist WHEN generated THEN codegen/unreadable-input names it, exit 1, nothing written', async () => {
    const out = path.join(work, 'from-nothing.ts');
    const r = await codegenInProcess({ input: path.join(work, 'no-such-component.yaml'), output: out, importFrom });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/no-such-component\.yaml: cannot read the file: no such file \[codegen\/unreadable-input\]/);
    expect(existsSync(out)).toBe(false);
  });

  it('GIVEN the v1 files of the public collection WHEN generated twice THEN the bytes are the same, and the modules type-check', async () => {
    const dir = path.join(work, 'v1');
    mkdirSync(dir);
    const files: string[] = [];
    for (const name of USABLE) {
      const out = path.join(dir, `${name}.ts`);
      const args = { input: path.join(V1_DIR, `${name}.yaml`), output: out, importFrom: `../${importFrom}` };
      const first = await codegenInProcess(args);
      expect(first.stderr).toBe('');
      const bytes = readFileSync(out);
      expect((await codegenInProcess(args)).code).toBe(0);
      expect(readFileSync(out).equals(bytes), `${name}: a second run wrote different bytes`).toBe(true);
      files.push(out);
    }
    const tsc = typecheck(files, dir);
    expect(tsc.output).toBe('');
    expect(tsc.code).toBe(0);
    // Each module loads its file and checks its own declarations against it.
    for (const f of files) await import(f);
  });

  it('GIVEN the files kfp refuses to use WHEN generated THEN codegen refuses them with the reason and writes nothing', async () => {
    for (const name of REFUSED) {
      const out = path.join(work, `${name}.ts`);
      const r = await runCliAsync(['codegen', path.join(V1_DIR, `${name}.yaml`), '-o', out]);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/kfp refuses it; .*\[load\/v1-component\]/);
      expect(() => readFileSync(out)).toThrow();
    }
  });

  it('GIVEN a URL WHEN generated THEN the module embeds the served text with its digest, type-checks, and --check follows the server', async () => {
    let body = readFileSync(path.join(V1_DIR, 'xgboost_predict.yaml'));
    const server: Loopback = await loopback(((_req, res) => void res.writeHead(200).end(body)) as http.RequestListener);
    try {
      const url = `${server.url}/components/xgboost_predict.yaml`;
      const out = path.join(work, 'from-url.ts');
      const env = { XDG_CACHE_HOME: path.join(work, 'cache') };
      const r = await runCliAsync(['codegen', url, '-o', out, '--import-from', importFrom], { env });
      expect(r.stderr).toBe('');
      const text = readFileSync(out, 'utf8');
      expect(text.split('\n')[0]).toMatch(new RegExp(`^// Generated by kfp-ts codegen from ${url.replace(/[.]/g, '\\.')} \\(sha256 [0-9a-f]{64}\\)\\. Do not edit; to regenerate:$`));
      expect(text).toContain("loadComponentFromText(COMPONENT_TEXT, {\n  source: '");
      expect(text).toContain('def xgboost_predict(');
      const tsc = typecheck([out], work);
      expect(tsc.output).toBe('');
      const mod = (await import(out)) as { xgboostPredict: { node: { name: string } } };
      expect(mod.xgboostPredict.node.name).toBe('xgboost-predict');
      expect((await runCliAsync(['codegen', url, '-o', out, '--import-from', importFrom, '--check'], { env })).code).toBe(0);
      body = Buffer.from(body.toString('utf8').replace('Xgboost predict', 'Xgboost predict v2'));
      expect((await runCliAsync(['codegen', url, '-o', out, '--import-from', importFrom, '--check'], { env })).code).toBe(1);
    } finally {
      await server.stop();
    }
  });
});
