/**
 * The diagnostic code registry (src/diagnostic-codes): its shape, and docs/diagnostics.md, which
 * is generated from it (regenerated only with UPDATE_GOLDEN=1). Whether the suite produces each
 * code is checked by tests/registry after the whole run.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isUsageCode } from '../../src/cli/exit-codes.ts';
import { CODES_BY_STAGE, DIAGNOSTIC_CODES, isDiagnosticCode, type DiagnosticCode } from '../../src/diagnostic-codes/index.ts';
import { diagnostic, formatDiagnostic, formatPath, warning } from '../../src/diagnostics.ts';
import { REPO } from '../support/repo.ts';

const DOC = path.join(REPO, 'docs', 'diagnostics.md');

const STAGE_TITLES: Record<keyof typeof CODES_BY_STAGE, string> = {
  dsl: 'Pipeline bodies (`src/dsl`)',
  compiler: 'The compiler (`src/compiler`, kfp-kubernetes settings included)',
  python: 'Python component sources',
  validate: 'IR validation (`kfp-ts validate`, and every compile before it writes)',
  project: 'Loading a pipeline file and writing the output (`kfp-ts compile`, `kfp-ts validate`)',
  cli: 'Commands that talk to a server: flags, config file, inputs',
  client: 'The KFP REST client (`src/client`)',
  graph: 'Drawing a compiled pipeline (`kfp-ts graph`)',
  load: 'Loading components: compiled IR or kfp v1 YAML, from text, files and URLs',
  runner: 'Running a pipeline locally (`kfp-ts run --local`)',
  codegen: 'Generating declarations (`kfp-ts codegen`)',
};

function renderDoc(): string {
  const lines = [
    '# Diagnostic codes',
    '',
    '<!-- Generated from src/diagnostic-codes by tests/unit/diagnostic-registry.test.ts (UPDATE_GOLDEN=1); do not edit. -->',
    '',
    'Every problem kfp-ts reports is a diagnostic: a stable code, a path, a message that says how to fix it,',
    'and the file when it is known. The CLI prints one per line:',
    '',
    '```',
    'error: pipelines/train.ts: train/fit-model/inputs/n_estimators: a STRING value was passed to a NUMBER_INTEGER parameter [task/type-mismatch]',
    '```',
    '',
    "A compiled pipeline's paths start with the pipeline's name, then the task's (as the compiled file",
    'names it), then what in it (`inputs/<name>`, `retry/backoffDuration`, `kubernetes/<helper>/<argument>`);',
    "a sub-pipeline's problems are placed under the task that runs it. An IR document's paths are its keys",
    '(`root/dag/tasks/train`). Codes never change meaning; match on them, not on messages.',
    '',
    'The CLI exits with code 2 when an error is the command line\'s (the codes marked *command line*',
    'below: a flag value that does not parse, flags that exclude or need each other, a choice not made),',
    "with code 1 for every other error (a file, the pipeline, the server's answer), and with 0 when there",
    'are only warnings.',
    '',
  ];
  for (const [stage, codes] of Object.entries(CODES_BY_STAGE) as [keyof typeof CODES_BY_STAGE, Readonly<Record<string, string>>][]) {
    lines.push(`## ${STAGE_TITLES[stage]}`, '', '| code | meaning |', '| --- | --- |');
    for (const [code, doc] of Object.entries(codes)) lines.push(`| \`${code}\` | ${isUsageCode(code as DiagnosticCode) ? '*command line*: ' : ''}${doc.replace(/\|/g, '\\|')} |`);
    lines.push('');
  }
  return lines.join('\n');
}

describe('the diagnostic code registry', () => {
  it('GIVEN every stage table WHEN merged THEN no code is registered twice and each is <area>/<kebab-case> with a one-line doc', () => {
    const all = Object.values(CODES_BY_STAGE).flatMap((t) => Object.keys(t));
    expect(all.length).toBe(Object.keys(DIAGNOSTIC_CODES).length);
    for (const [code, doc] of Object.entries(DIAGNOSTIC_CODES)) {
      expect(code, code).toMatch(/^[a-z][a-z0-9-]*\/[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(doc.trim().length, code).toBeGreaterThan(10);
      expect(doc, code).not.toContain('\n');
    }
    expect(isDiagnosticCode('task/type-mismatch')).toBe(true);
    expect(isDiagnosticCode('task/no-such-code')).toBe(false);
  });

  it('GIVEN a diagnostic WHEN rendered THEN the path is its segments joined by / (slash text given is split into segments)', () => {
    const d = diagnostic('task/missing-input', ['train', 'fit', 'inputs', 'n'], "component 'fit' needs input 'n'", 'train.ts');
    expect(formatDiagnostic(d)).toBe("train.ts: train/fit/inputs/n: component 'fit' needs input 'n' [task/missing-input]");
    expect(diagnostic('schema/type', 'root/dag', 'x').path).toEqual(['root', 'dag']);
    expect(formatPath(diagnostic('schema/type', '', 'x').path)).toBe('');
    expect(warning('python/embedded-large', ['p'], 'big').severity).toBe('warning');
  });

  it('GIVEN the registry WHEN docs/diagnostics.md is rendered THEN the committed page is the same (UPDATE_GOLDEN=1 rewrites it)', () => {
    const text = renderDoc();
    if (process.env.UPDATE_GOLDEN === '1') {
      mkdirSync(path.dirname(DOC), { recursive: true });
      writeFileSync(DOC, text);
    }
    expect(existsSync(DOC), `${DOC} is missing: write it with UPDATE_GOLDEN=1`).toBe(true);
    expect(readFileSync(DOC, 'utf8'), 'docs/diagnostics.md is stale: regenerate it with UPDATE_GOLDEN=1').toBe(text);
  });
});
