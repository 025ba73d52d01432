/**
 * Every string survives every reader (issue 10): 10,000 awkward strings drawn from a fixed seed,
 * each placed in every string place of a pipeline, compiled, and read back by PyYAML, kfp 2.17.3's
 * loader, go-yaml v3 (the API server), go-yaml v2 (sigs.k8s.io/yaml), the API server's v3→v2 path
 * for the platform document, and the npm yaml package in YAML 1.1 and 1.2. Each reading must equal
 * the documents kfp-ts compiled. Strings no file can carry (lone surrogates) must be refused.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileToYaml } from '../../src/project/compile-to-yaml.ts';
import { compilePipeline } from '../../src/compiler/compile.ts';
import { awkwardStrings, INJECTIONS, loneSurrogateStrings } from './awkward-strings.ts';
import { BATCH_PLACES, batchPipeline, NAME_PLACES, namesPipeline, PIPELINE_PLACES, pipelinePipeline } from './string-places.ts';
import { validateIrText } from '../../src/validate/index.ts';
import { carefulRead, parseYamlDocuments } from '../../src/yaml/yaml-documents.ts';
import { formatPath } from '../../src/diagnostics.ts';
import { buildGoReaders, firstDifference, readWithYamlPackage, startGoReaders, startPythonReaders, type CompiledFile, type Mismatch } from './read-back.ts';

const COUNT = 10_000;
const SEED = 20261210;
const BATCH = 100;

let workDir = '';
let goReaders = '';
const strings = awkwardStrings(COUNT, SEED);

async function compiled(name: string, build: () => ReturnType<typeof batchPipeline>): Promise<CompiledFile> {
  const node = build().build();
  const r = await compileToYaml(node);
  if (!r.yamlText) throw new Error(`${name} did not compile: ${JSON.stringify(r.diagnostics).slice(0, 2000)}`);
  const c = compilePipeline(node, { sdkVersion: r.yamlText.match(/^sdkVersion: (.*)$/m)![1]! });
  const docs = JSON.parse(JSON.stringify(c.platformSpec ? [c.pipelineSpec, c.platformSpec] : [c.pipelineSpec])) as unknown[];
  return { name, text: r.yamlText, docs };
}

beforeAll(() => {
  workDir = mkdtempSync(path.join(tmpdir(), 'kfp-ts-yaml-readers-'));
  goReaders = buildGoReaders(workDir);
});

afterAll(() => {
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

function report(mismatches: readonly Mismatch[], files: readonly CompiledFile[]): string {
  const byReader = new Map<string, number>();
  for (const m of mismatches) byReader.set(m.reader, (byReader.get(m.reader) ?? 0) + 1);
  return [
    `${mismatches.length} readings of ${files.length} files differ: ${[...byReader].map(([r, n]) => `${r} ${n}`).join(', ')}`,
    ...mismatches.slice(0, 25).map((m) => `  ${m.file} [${m.reader}] ${m.problem}`),
  ].join('\n');
}

describe('every string kfp-ts writes reads back as that string under every reader', () => {
  const places = BATCH_PLACES.length + NAME_PLACES.length + PIPELINE_PLACES.length;
  it(`${COUNT} strings × ${places} places`, async () => {
    expect(strings).toHaveLength(COUNT);
    expect(strings.slice(0, INJECTIONS.length)).toEqual(INJECTIONS);
    const files: CompiledFile[] = [];
    for (let i = 0; i < strings.length; i += BATCH) {
      const batch = strings.slice(i, i + BATCH);
      files.push(await compiled(`batch ${i / BATCH + 1} (strings ${i + 1}–${i + batch.length})`, () => batchPipeline(batch)));
      files.push(await compiled(`names ${i / BATCH + 1} (strings ${i + 1}–${i + batch.length})`, () => namesPipeline(batch)));
    }
    for (const [i, s] of strings.entries()) files.push(await compiled(`pipeline string ${i + 1}: ${JSON.stringify(s).slice(0, 60)}`, () => pipelinePipeline(s)));

    const mismatches: Mismatch[] = [];
    const notes: Mismatch[] = [];
    const go = startGoReaders(goReaders, files, workDir);
    const python = startPythonReaders(files, workDir);
    readWithYamlPackage(files, mismatches);
    // kfp-ts's own validator accepts every file kfp-ts writes; on the batch and names files (every
    // place but the pipeline's own) its quick reading gives back the compiled documents, and its
    // careful reading too on the first fifth of them.
    for (const [i, file] of files.entries()) {
      const problems = validateIrText(file.text, file.name);
      if (problems.length > 0) mismatches.push({ file: file.name, reader: 'kfp-ts validate', problem: JSON.stringify(problems.slice(0, 2)) });
      if (i >= (2 * COUNT) / BATCH) continue;
      const quick = firstDifference(file.docs, parseYamlDocuments(file.text).docs);
      if (quick) mismatches.push({ file: file.name, reader: 'kfp-ts validate (quick reading)', problem: quick });
      if (i >= (2 * COUNT) / BATCH / 5) continue;
      const careful = firstDifference(file.docs, carefulRead(file.text).docs);
      if (careful) mismatches.push({ file: file.name, reader: 'kfp-ts validate (careful reading)', problem: careful });
    }
    await go.finish(mismatches, notes);
    await python.finish(mismatches);
    console.log(mismatches.length === 0 ? `${COUNT} strings × ${places} places: all equal` : `${COUNT} strings × ${places} places: ${mismatches.length} readings differ`);
    // Not kfp-ts's text (see RunningReader.finish): reported, documented in docs/yaml-strings.md.
    console.log(`(the API server's own go-yaml v3 → v2 round trip of the platform document fails for ${notes.length} of ${files.length} files)`);
    expect(mismatches, report(mismatches, files)).toEqual([]);
  });

  it('refuses strings holding a lone surrogate, in every place, with emit/lone-surrogate', async () => {
    const lone = loneSurrogateStrings(200, SEED);
    for (let i = 0; i < lone.length; i += 50) {
      const r = await compileToYaml(batchPipeline(lone.slice(i, i + 50)).build());
      expect(r.yamlText).toBeUndefined();
      expect(new Set(r.diagnostics.map((d) => d.code))).toEqual(new Set(['emit/lone-surrogate']));
    }
    for (const s of lone.slice(0, 20)) {
      const r = await compileToYaml(pipelinePipeline(s).build());
      expect(r.diagnostics.map((d) => [d.code, formatPath(d.path)])).toContainEqual(['emit/lone-surrogate', 'pipelineInfo/description']);
    }
  });
});
