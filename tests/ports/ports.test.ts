/**
 * Ports (issue 4): a TypeScript port of every pipeline in kfp's compiled corpus
 * (`../shared/kfp-corpus/sdk-2.17.0/test_data/sdk_compiled_pipelines/valid/**`) and of every
 * kfp-kubernetes snapshot document (`../shared/kfp-corpus/sdk-2.17.0/kubernetes_platform_snapshot/*`,
 * named `kubernetes_platform_snapshot/<name>`), compiled by kfp-ts and compared with the golden —
 * both documents, the `platforms:` one included — after normalisation (normalize.ts).
 *
 * Every golden is listed in `expected-equal.json` (the target: N = M); the test fails when a listed
 * port is not equal, and prints each failure's first differences. UPDATE_GOLDEN=1 rewrites the list.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { UPDATE_GOLDEN } from '../support/golden.ts';
import { REPO } from '../support/repo.ts';
import { EXPECTED, allGoldens, runPort, type Outcome } from './run-port.ts';

describe('ports of the kfp corpus', () => {
  const names = allGoldens();

  it('lists only known, ported pipelines as expected-equal', () => {
    for (const name of EXPECTED) {
      expect(names, `expected-equal.json names ${name}, which is not in the corpus`).toContain(name);
    }
  });

  it('expects every golden of the corpus to have an equal port', () => {
    expect(names.filter((n) => !EXPECTED.includes(n)), 'goldens missing from expected-equal.json').toEqual([]);
  });

  it('every port is equal to its golden (failures print their first differences)', async () => {
    const outcomes = new Map<string, Outcome>();
    for (const name of names) outcomes.set(name, await runPort(name));

    const equal = names.filter((n) => outcomes.get(n)!.status === 'equal');
    const lines = [`ports: ${equal.length} equal / ${names.length} total`];
    const newlyEqual = equal.filter((n) => !EXPECTED.includes(n));
    if (newlyEqual.length) lines.push(`newly equal — add to tests/ports/expected-equal.json: ${JSON.stringify(newlyEqual)}`);
    for (const name of names) {
      const o = outcomes.get(name)!;
      if (o.status === 'equal') continue;
      const first = o.detail.slice(0, 4).map((d) => `    ${d.slice(0, 300)}`);
      lines.push(`  ${o.status}: ${name}${o.detail.length > 4 ? ` (${o.detail.length} differences)` : ''}`, ...first);
    }
    console.log(lines.join('\n'));

    // UPDATE_GOLDEN=1: the list becomes the ports that are equal now (review the diff: a port that
    // left it is a regression).
    if (UPDATE_GOLDEN) writeFileSync(path.join(REPO, 'tests', 'ports', 'expected-equal.json'), `${JSON.stringify([...equal].sort(), null, 2)}\n`);
    const regressions = (UPDATE_GOLDEN ? equal : EXPECTED).filter((n) => outcomes.get(n)?.status !== 'equal').map((n) => {
      const o = outcomes.get(n)!;
      return `${n}: ${o.status}${'detail' in o ? `\n  ${o.detail.slice(0, 10).join('\n  ')}` : ''}`;
    });
    expect(regressions, 'ports listed in expected-equal.json that are no longer equal').toEqual([]);
  });
});
