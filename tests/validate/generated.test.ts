import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { UPDATE_GOLDEN } from '../support/golden.ts';
import { buildValidatorSource, GENERATED_MODULE, GENERATED_TYPES, generatedTypes } from '../../scripts/schema/validator-source.ts';
import { pythonPath, repoRoot } from './helpers.ts';

describe('generated artifacts are up to date', () => {
  // UPDATE_GOLDEN=1: regenerate them first (schemas/, src/ir/generated/, the ajv module), then check.
  beforeAll(async () => {
    if (!UPDATE_GOLDEN) return;
    const r = spawnSync(pythonPath(), [path.join(repoRoot, 'scripts', 'schema', 'generate_schemas.py')], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`generate_schemas.py failed: ${r.stderr}`);
    const b = spawnSync(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'scripts', 'schema', 'build-validators.ts')], { cwd: repoRoot, encoding: 'utf8' });
    if (b.status !== 0) throw new Error(`build-validators.ts failed: ${b.stderr}`);
  });

  it('GIVEN the installed kfp-pipeline-spec/kfp-kubernetes descriptors WHEN the schemas and IR types are regenerated THEN schemas/ and src/ir/generated/ are unchanged', () => {
    const result = spawnSync(pythonPath(), [path.join(repoRoot, 'scripts', 'schema', 'generate_schemas.py'), '--check'], { encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  it('GIVEN the descriptors WHEN the generator writes into a temporary directory THEN it writes exactly the committed files, byte for byte', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'kfp-ts-generated-'));
    try {
      const result = spawnSync(pythonPath(), [path.join(repoRoot, 'scripts', 'schema', 'generate_schemas.py'), '--out-dir', dir], { encoding: 'utf8' });
      expect(result.stderr).toBe('');
      expect(result.status).toBe(0);
      const listed = (sub: string, root: string): string[] =>
        readdirSync(path.join(root, sub)).filter((f) => /\.(json|ts)$/.test(f)).map((f) => `${sub}/${f}`);
      const written = [...listed('schemas', dir), ...listed('src/ir/generated', dir)].sort();
      // A file the generator no longer writes must not linger in the repository either.
      expect([...listed('schemas', repoRoot), ...listed('src/ir/generated', repoRoot)].sort()).toEqual(written);
      expect(written).toContain('src/ir/generated/pipeline-spec.ts');
      const stale = written.filter((f) => readFileSync(path.join(dir, f), 'utf8') !== readFileSync(path.join(repoRoot, f), 'utf8'));
      expect(stale, 'stale: run .venv/bin/python scripts/schema/generate_schemas.py').toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('GIVEN schemas/ WHEN the ajv standalone module is rebuilt THEN the committed module is identical (run scripts/schema/build-validators.ts if not)', () => {
    const committed = readFileSync(path.join(repoRoot, GENERATED_MODULE), 'utf8');
    const rebuilt = buildValidatorSource(`${repoRoot}/`);
    // Compare sizes first so a stale module fails with a short message, not a 600 kB diff.
    expect(rebuilt.length).toBe(committed.length);
    expect(rebuilt === committed).toBe(true);
    expect(readFileSync(path.join(repoRoot, GENERATED_TYPES), 'utf8')).toBe(generatedTypes());
  });

  it('GIVEN the schemas WHEN read THEN their provenance names the package versions the schemas follow', () => {
    for (const stem of ['pipeline-spec', 'pipeline-deployment-config', 'platform-spec', 'kubernetes-executor-config']) {
      const schema = JSON.parse(readFileSync(path.join(repoRoot, 'schemas', `${stem}.schema.json`), 'utf8'));
      expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
      expect(schema['x-provenance'].packages).toEqual({ 'kfp-kubernetes': '2.17.3', 'kfp-pipeline-spec': '2.17.3', protobuf: '6.33.6' });
    }
  });

  it('GIVEN the generated IR types WHEN read THEN their header names the same package versions and descriptor digests as the schemas', () => {
    const protos = JSON.parse(readFileSync(path.join(repoRoot, 'schemas', 'pipeline-spec.schema.json'), 'utf8'))['x-provenance'].protos as Record<string, string>;
    expect(Object.keys(protos)).toEqual(['kubernetes_executor_config.proto', 'pipeline_spec.proto']);
    for (const module of ['pipeline-spec', 'kubernetes-executor-config', 'platform-spec', 'descriptor-table']) {
      const head = readFileSync(path.join(repoRoot, 'src', 'ir', 'generated', `${module}.ts`), 'utf8').split('\n').slice(0, 4).join('\n');
      expect(head).toContain('Packages: kfp-pipeline-spec 2.17.3, kfp-kubernetes 2.17.3, protobuf 6.33.6.');
      for (const [proto, sha] of Object.entries(protos)) expect(head).toContain(`// ${proto} sha256 ${sha}`);
    }
  });
});
