/**
 * Runs every reader over compiled files and reports where a reader's documents differ from the
 * documents kfp-ts compiled: PyYAML and kfp's loader (read_with_python.py), go-yaml v3, v2 and the
 * API server's v3→v2 path for the platform document (the Go program in this directory), and the
 * npm yaml package in its YAML 1.1 and 1.2 schemas (in process).
 */
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { REPO, venvPython } from '../support/repo.ts';

export interface CompiledFile {
  readonly name: string;
  readonly text: string;
  /** The documents kfp-ts compiled, as plain JSON. */
  readonly docs: readonly unknown[];
}

export interface Mismatch {
  readonly file: string;
  readonly reader: string;
  readonly problem: string;
}

const DIR = path.join(REPO, 'tests', 'yaml-readers');

/** Builds the Go reader program (module proxy on a cold cache; Go's build cache after). */
export function buildGoReaders(outDir: string): string {
  const binary = path.join(outDir, 'yaml-readers');
  const r = spawnSync('go', ['build', '-o', binary, '.'], { cwd: DIR, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`building tests/yaml-readers failed:\n${r.stderr}`);
  return binary;
}

/** The first place where `got` differs from `want` (numbers compared by value), or undefined. */
export function firstDifference(want: unknown, got: unknown, at = ''): string | undefined {
  const show = (v: unknown) => {
    const text = JSON.stringify(v) ?? String(v);
    return text.length > 120 ? `${text.slice(0, 120)}…` : text;
  };
  if (typeof want !== 'object' || want === null || typeof got !== 'object' || got === null) {
    return Object.is(want, got) || want === got ? undefined : `${at || '/'}: want ${show(want)}, got ${show(got)}`;
  }
  if (Array.isArray(want) !== Array.isArray(got)) return `${at || '/'}: want ${show(want)}, got ${show(got)}`;
  const wantKeys = Object.keys(want);
  const gotKeys = Object.keys(got);
  const extra = gotKeys.filter((k) => !(k in want));
  if (extra.length > 0) return `${at || '/'}: unexpected ${extra.map((k) => show(k)).join(', ')}`;
  for (const k of wantKeys) {
    if (!(k in got)) return `${at}/${k}: missing`;
    const d = firstDifference((want as Record<string, unknown>)[k], (got as Record<string, unknown>)[k], `${at}/${k}`);
    if (d) return d;
  }
  return undefined;
}

function compare(file: CompiledFile, reader: string, reading: { docs?: unknown[]; error?: string } | undefined, out: Mismatch[]): void {
  if (!reading) out.push({ file: file.name, reader, problem: 'no answer' });
  else if (reading.error !== undefined) out.push({ file: file.name, reader, problem: `error: ${reading.error.slice(0, 300)}` });
  else {
    const d = firstDifference(file.docs, reading.docs);
    if (d) out.push({ file: file.name, reader, problem: d });
  }
}

/** The file's documents as the compiled file separates them (kfp-ts writes `\n---\n` between). */
function documentTexts(text: string): string[] {
  return text.split('\n---\n').map((t, i, all) => (i < all.length - 1 ? `${t}\n` : t));
}

/** A reader process working through a request file into an answer file. */
export interface RunningReader {
  /**
   * Waits for the process and compares its answers with the compiled documents. `notes` gets the
   * files the KFP API server's own re-marshalling of the platform document breaks (go-yaml v3
   * Marshal, then go-yaml v2): that path never sees kfp-ts's text, so no file can avoid it.
   */
  finish(out: Mismatch[], notes?: Mismatch[]): Promise<void>;
}

function run(command: string, args: readonly string[], requests: string, answers: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const input = openSync(requests, 'r');
    const output = openSync(answers, 'w');
    const child = spawn(command, args, { stdio: [input, output, 'pipe'] });
    let stderr = '';
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      closeSync(input);
      closeSync(output);
      if (code === 0) resolve();
      else reject(new Error(`${path.basename(command)} ${args.join(' ')} exited with ${code}: ${stderr.slice(-2000)}`));
    });
  });
}

function answers(file: string, count: number): unknown[] {
  const lines = readFileSync(file, 'utf8').trim().split('\n');
  if (lines.length !== count) throw new Error(`${file}: ${lines.length} answers for ${count} files`);
  return lines.map((l) => JSON.parse(l) as unknown);
}

/**
 * Starts the Go readers. The files go through request and answer files in `dir`, so the process
 * never waits on this one, which meanwhile reads with the yaml package.
 */
export function startGoReaders(binary: string, files: readonly CompiledFile[], dir: string): RunningReader {
  const requests = path.join(dir, 'go-requests.jsonl');
  const replies = path.join(dir, 'go-answers.jsonl');
  writeFileSync(requests, files.map((f) => JSON.stringify({ text: f.text, docs: documentTexts(f.text) })).join('\n') + '\n');
  const done = run(binary, [], requests, replies);
  return {
    async finish(out, notes = []) {
      await done;
      answers(replies, files.length).forEach((a, i) => {
        const res = a as Record<string, { docs?: unknown[]; error?: string }>;
        compare(files[i]!, 'go-yaml v3 (API server)', res.v3, out);
        compare(files[i]!, 'go-yaml v2 (sigs.k8s.io/yaml)', res.v2, out);
        compare(files[i]!, 'API server: platform document through go-yaml v3 Marshal and go-yaml v2', res.backend, notes);
      });
    },
  };
}

/** Starts PyYAML and kfp's loader (read_with_python.py, `workers` processes). */
export function startPythonReaders(files: readonly CompiledFile[], dir: string, workers = 2): RunningReader {
  const requests = path.join(dir, 'python-requests.jsonl');
  const replies = path.join(dir, 'python-answers.jsonl');
  writeFileSync(requests, files.map((f) => JSON.stringify({ text: f.text, expected: f.docs })).join('\n') + '\n');
  const done = run(venvPython(), [path.join(DIR, 'read_with_python.py'), String(workers)], requests, replies);
  return {
    async finish(out) {
      await done;
      answers(replies, files.length).forEach((a, i) => {
        const res = a as { pyyaml: { docs?: unknown[]; error?: string }; kfp: { equal?: true; error?: string; differs?: string } };
        compare(files[i]!, 'PyYAML safe_load_all', res.pyyaml, out);
        if (!res.kfp.equal) out.push({ file: files[i]!.name, reader: "kfp's loader", problem: res.kfp.error ?? `differs in ${res.kfp.differs}` });
      });
    },
  };
}

export function readWithYamlPackage(files: readonly CompiledFile[], out: Mismatch[]): void {
  for (const version of ['1.1', '1.2'] as const) {
    for (const file of files) {
      const docs = parseAllDocuments(file.text, { version });
      const parsed = Array.isArray(docs) ? docs : [];
      const errors = parsed.flatMap((d) => d.errors.map((e) => e.message));
      compare(file, `npm yaml ${version}`, errors.length > 0 ? { error: errors.join('; ') } : { docs: parsed.map((d) => d.toJS()) }, out);
    }
  }
}
