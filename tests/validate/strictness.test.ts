import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../src/diagnostics.ts';
import { validateIrSchema } from '../../src/validate/index.ts';
import { parseYamlDocuments } from '../../src/yaml/yaml-documents.ts';
import { corpusFiles, relativeToCorpus, runPythonJson } from './helpers.ts';
import { generateMutants, type Json, type SourceDoc } from './mutants.ts';

interface Verdict {
  readonly id: number;
  readonly ok: boolean;
  readonly error: string | null;
}

function officialVerdicts(cases: ReadonlyArray<{ id: number; docs: unknown[] }>): Map<number, Verdict> {
  const verdicts = runPythonJson<Verdict[]>('json_format_verdicts.py', cases);
  return new Map(verdicts.map((v) => [v.id, v]));
}

describe('strictness agrees with google.protobuf.json_format', () => {
  it('GIVEN mutants of every corpus document WHEN both validate them THEN the verdicts agree on every one', () => {
    const sources: SourceDoc[] = corpusFiles().valid.map((file) => {
      const { docs, diagnostics } = parseYamlDocuments(readFileSync(file, 'utf8'));
      expect(diagnostics).toEqual([]);
      return { name: relativeToCorpus(file), docs: docs as Json[] };
    });
    const { mutants, defsCovered } = generateMutants(sources);
    const official = officialVerdicts(mutants.map((m) => ({ id: m.id, docs: m.docs })));

    const disagreements: string[] = [];
    const byKind = new Map<string, { n: number; accepted: number }>();
    for (const mutant of mutants) {
      const ours = validateIrSchema(mutant.docs);
      const theirs = official.get(mutant.id)!;
      const stats = byKind.get(mutant.kind) ?? { n: 0, accepted: 0 };
      byKind.set(mutant.kind, { n: stats.n + 1, accepted: stats.accepted + (theirs.ok ? 1 : 0) });
      if ((ours.length === 0) !== theirs.ok) {
        disagreements.push(
          `${mutant.kind} ${mutant.where}\n  json_format: ${theirs.ok ? 'accepts' : theirs.error}\n  ours: ${ours.map(formatDiagnostic).join('; ') || 'accepts'}`,
        );
      }
    }
    const agree = mutants.length - disagreements.length;
    console.log(
      `strictness: ${agree}/${mutants.length} mutants agree (${sources.length} documents, ${defsCovered} message types)\n` +
        [...byKind].map(([kind, s]) => `  ${kind}: ${s.n} (json_format accepts ${s.accepted})`).join('\n'),
    );
    expect(disagreements.slice(0, 20)).toEqual([]);
    // Both verdicts occur, so agreement is not trivially "reject everything".
    const accepted = [...official.values()].filter((v) => v.ok).length;
    expect(accepted).toBeGreaterThan(100);
    expect(mutants.length - accepted).toBeGreaterThan(100);
  });

  it('GIVEN the known differences listed in schemas/README.md WHEN both validate them THEN they are still exactly those differences', () => {
    const base = (): Record<string, Json> => ({
      pipelineInfo: { name: 'p' },
      schemaVersion: '2.1.0',
      root: { inputDefinitions: { parameters: { x: { parameterType: 'STRING' } } } },
    });
    const cases: Array<[string, (d: Record<string, any>) => void]> = [
      ['enum as true', (d) => (d.root.inputDefinitions.parameters.x.parameterType = true)],
      ['enum as a non-integral number', (d) => (d.root.inputDefinitions.parameters.x.parameterType = 1.5)],
      ['enum as a numeric string', (d) => (d.root.inputDefinitions.parameters.x.parameterType = '3')],
      ['enum number beyond int32', (d) => (d.root.inputDefinitions.parameters.x.parameterType = 2 ** 40)],
      ['int32 as "+3"', (d) => (d.root.dag = { tasks: { t: { retryPolicy: { maxRetryCount: '+3' } } } })],
      ['int32 as "1e3"', (d) => (d.root.dag = { tasks: { t: { retryPolicy: { maxRetryCount: '1e3' } } } })],
      ['double as true', (d) => (d.root.dag = { tasks: { t: { retryPolicy: { backoffFactor: true } } } })],
      ['message as []', (d) => (d.root.dag = { tasks: { t: { taskInfo: [] } } })],
      ['message as ""', (d) => (d.root.dag = { tasks: { t: { taskInfo: '' } } })],
      ['duration as "+3s"', (d) => (d.root.dag = { tasks: { t: { retryPolicy: { backoffDuration: '+3s' } } } })],
      ['double as ".5"', (d) => (d.root.dag = { tasks: { t: { retryPolicy: { backoffFactor: '.5' } } } })],
    ];
    // Laxer: what JSON Schema cannot express (numeric comparison of strings, surrogates).
    const laxer: Array<[string, (d: Record<string, any>) => void]> = [
      ['int32 string out of range', (d) => (d.root.dag = { tasks: { t: { retryPolicy: { maxRetryCount: '99999999999' } } } })],
      ['duration out of range', (d) => (d.root.dag = { tasks: { t: { retryPolicy: { backoffDuration: '315576000001s' } } } })],
      ['unpaired surrogate', (d) => (d.root.dag = { tasks: { t: { taskInfo: { name: '\ud800' } } } })],
    ];
    const all = [...cases, ...laxer];
    const official = officialVerdicts([{ id: -1, docs: [base()] }, ...all.map(([, mutate], id) => {
      const d = base();
      mutate(d);
      return { id, docs: [d] };
    })]);
    expect(official.get(-1)?.ok).toBe(true);
    expect(validateIrSchema([base()])).toEqual([]);
    const verdicts = all.map(([name, mutate], id) => {
      const d = base();
      mutate(d);
      return `${name}: json_format ${official.get(id)?.ok ? 'accepts' : 'rejects'}, ours ${validateIrSchema([d]).length === 0 ? 'accepts' : 'rejects'}`;
    });
    expect(verdicts).toEqual([
      ...cases.map(([name]) => `${name}: json_format accepts, ours rejects`),
      ...laxer.map(([name]) => `${name}: json_format rejects, ours accepts`),
    ]);
  });
});
