import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildValidatorSource, GENERATED_MODULE, GENERATED_TYPES, generatedTypes } from '../../scripts/schema/validator-source.ts';
import { pythonPath, repoRoot } from './helpers.ts';

describe('generated artifacts are up to date', () => {
  it('GIVEN the installed kfp-pipeline-spec/kfp-kubernetes descriptors WHEN the schemas are regenerated THEN schemas/ is unchanged', () => {
    const result = spawnSync(pythonPath(), [path.join(repoRoot, 'scripts', 'schema', 'generate_schemas.py'), '--check'], { encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
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
});
