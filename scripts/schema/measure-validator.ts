/**
 * Measures why the validator is generated ahead of time, and what validation costs:
 *   - ajv compiling the schemas at run time (what a non-generated validator would pay per process);
 *   - importing the generated standalone module (what the CLI pays);
 *   - validating every corpus document (schema + backend + reference rules).
 *
 *   npx tsx scripts/schema/measure-validator.ts [corpus dir]   (default: ../shared/kfp-corpus/sdk-2.17.0)
 *
 * Each import is timed in a fresh Node process; the minimum of several runs is reported, since
 * other work on the machine only ever adds time.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const RUNS = 5;

/** Wall and CPU milliseconds of `script`'s timed section (it prints `wall cpu`), min over RUNS. */
function freshProcessMs(script: string): { wall: number; cpu: number } {
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const out = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: repoRoot, encoding: 'utf8' });
    const [w, c] = out.trim().split('\n').at(-1)!.split(' ').map(Number);
    wall.push(w!);
    cpu.push(c!);
  }
  return { wall: Math.min(...wall), cpu: Math.min(...cpu) };
}

const START = 'const t = performance.now(); const c = process.cpuUsage();';
const STOP = 'const d = process.cpuUsage(c); console.log(performance.now() - t, (d.user + d.system) / 1000);';
const show = (m: { wall: number; cpu: number }) => `${m.wall.toFixed(1)} ms wall, ${m.cpu.toFixed(1)} ms CPU`;

const ajvCompile = freshProcessMs(`
  import ajv2020 from 'ajv/dist/2020.js';
  import { bundleSchemas, ANNOTATION_KEYWORDS } from './scripts/schema/validator-source.ts';
  const schema = bundleSchemas(${JSON.stringify(repoRoot)});
  ${START}
  const ajv = new ajv2020.default({ allErrors: true, strict: true, strictTypes: false, allowUnionTypes: true, inlineRefs: false, messages: false });
  ajv.addVocabulary([...ANNOTATION_KEYWORDS]);
  ajv.addSchema(schema);
  ajv.getSchema('urn:kfp-ts:schema:bundle#/$defs/document--validatePipelineSpec');
  ajv.getSchema('urn:kfp-ts:schema:bundle#/$defs/document--validatePlatformSpec');
  ${STOP}
`);
const generatedImport = freshProcessMs(`
  ${START}
  await import('./src/validate/generated/ir-validators.js');
  ${STOP}
`);
const libraryImport = freshProcessMs(`
  ${START}
  await import('./src/validate/index.ts');
  ${STOP}
`);

const { validateIrDocuments, validateIrText } = await import('../../src/validate/index.ts');
const { parseYamlDocuments } = await import('../../src/yaml/yaml-documents.ts');
const corpus = path.resolve(process.argv[2] ?? path.join(repoRoot, '..', 'shared', 'kfp-corpus', 'sdk-2.17.0'));
const files: string[] = [];
const walk = (dir: string): void => {
  for (const name of readdirSync(dir).sort()) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) walk(p);
    else if (name.endsWith('.yaml') && !p.includes(`${path.sep}invalid${path.sep}`)) files.push(p);
  }
};
walk(corpus);
const texts = files.map((f) => readFileSync(f, 'utf8'));
const parsed = texts.map((t) => parseYamlDocuments(t).docs);

const timeEach = (fn: () => void): number => {
  fn(); // warm up
  let best = Infinity;
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    fn();
    best = Math.min(best, performance.now() - t);
  }
  return best / files.length;
};
const perDoc = timeEach(() => parsed.forEach((docs) => validateIrDocuments(docs)));
const perText = timeEach(() => texts.forEach((text) => validateIrText(text)));
const largest = Math.max(...texts.map((t) => t.length));

console.log(`ajv compiling the schemas at run time:    ${show(ajvCompile)} (fresh process, min of ${RUNS})`);
console.log(`importing the generated validator module: ${show(generatedImport)}`);
console.log(`importing src/validate/index.ts (all):    ${show(libraryImport)}`);
console.log(`validateIrDocuments, mean per document:   ${perDoc.toFixed(3)} ms (${files.length} corpus files, largest ${(largest / 1024).toFixed(0)} KiB)`);
console.log(`validateIrText (YAML + validation):       ${perText.toFixed(3)} ms per file`);
