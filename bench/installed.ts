/**
 * kfp-ts as a user runs it: the tarball `npm pack` makes, installed with `npm install <tgz>` into a
 * fresh project, against kfp 2.17.3 in the same run.
 *
 *   npm run bench -- --installed            # 15 runs of each (about a minute); also npm run bench:installed
 *   npm run bench -- --installed --reps 31
 *
 * Measures, medians of `--reps` runs after one untimed run of each (kfp-ts's bundle cache, kfp's
 * .pyc and the page cache warm, as on a user's second compile):
 * - whole-process `npx`-free `node_modules/.bin/kfp-ts compile chain_1.ts -o out.yaml` (the
 *   one-task pipeline of bench/generate.ts, importing 'kfp-ts') against `kfp dsl compile` of its
 *   Python twin; the two outputs must be the same IR; target: kfp-ts at least 3× faster;
 * - `kfp-ts --help`: target under 0.3 s of CPU.
 * Wall and CPU (user + system, from /proc) are both reported; CPU is the steadier when other
 * processes share the cores. Not a test: the numbers depend on the machine.
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { ignoreSdkVersion, irDifferences, loadIr } from '../tests/support/yaml-compare.ts';
import { pyLibSource, tsSource } from './generate.ts';
import { timedRun } from './run-process.ts';
import { median } from './stats.ts';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const KFP = path.join(REPO, '.venv', 'bin', 'kfp');

function sh(cmd: string, args: readonly string[], cwd: string): string {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited ${r.status}:\n${r.stdout}${r.stderr}`);
  return r.stdout;
}

async function measure(cmd: string, args: readonly string[], cwd: string, reps: number): Promise<{ wall: number; cpu: number }> {
  await timedRun(cmd, args, cwd);
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < reps; i++) {
    const r = await timedRun(cmd, args, cwd);
    wall.push(r.wallMs);
    cpu.push(r.cpuMs);
  }
  return { wall: median(wall), cpu: median(cpu) };
}

const s = (ms: number): string => (ms / 1000).toFixed(2);

export async function installedBench(argv: readonly string[]): Promise<void> {
  const { values } = parseArgs({ args: [...argv], options: { installed: { type: 'boolean' }, reps: { type: 'string', default: '15' }, keep: { type: 'boolean', default: false } } });
  const reps = Number(values.reps);
  const dir = await mkdtemp(path.join(tmpdir(), 'kfp-ts-bench-installed-'));
  try {
    process.stderr.write('packing and installing the tarball…\n');
    const tgz = sh('npm', ['pack', '--pack-destination', dir, '--loglevel=error'], REPO).trim().split('\n').pop()!;
    const project = path.join(dir, 'project');
    sh('mkdir', ['-p', project], dir);
    await writeFile(path.join(project, 'package.json'), '{ "name": "bench", "private": true, "type": "module" }\n');
    sh('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error', path.join(dir, tgz), 'zod'], project);
    await writeFile(path.join(project, 'chain_1.ts'), tsSource('chain', 1, 'kfp-ts'));
    await writeFile(path.join(project, 'chain_1.py'), `${pyLibSource('chain', 1)}\n\nbench = define_pipeline()\n`);

    const bin = path.join(project, 'node_modules', '.bin', 'kfp-ts');
    const load0 = loadavg()[0]!;
    process.stderr.write(`measuring, ${reps} runs each…\n`);
    const ours = await measure(bin, ['compile', 'chain_1.ts', '-o', 'ts.yaml'], project, reps);
    const theirs = await measure(KFP, ['dsl', 'compile', '--py', 'chain_1.py', '--output', 'py.yaml'], project, reps);
    const help = await measure(bin, ['--help'], project, reps);
    const load1 = loadavg()[0]!;
    const diffs = irDifferences(loadIr(await readFile(path.join(project, 'ts.yaml'), 'utf8')), loadIr(await readFile(path.join(project, 'py.yaml'), 'utf8')), ignoreSdkVersion);

    const version = (JSON.parse(await readFile(path.join(REPO, 'package.json'), 'utf8')) as { version: string }).version;
    const lines = [
      `kfp-ts ${version} installed from ${tgz} (npm install <tgz>), Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, load ${load0.toFixed(1)} → ${load1.toFixed(1)}, ${reps} runs each, medians`,
      '',
      '| command | wall s | CPU s |',
      '|:--|--:|--:|',
      `| kfp-ts compile (one task, installed) | ${s(ours.wall)} | ${s(ours.cpu)} |`,
      `| kfp dsl compile (its twin) | ${s(theirs.wall)} | ${s(theirs.cpu)} |`,
      `| kfp-ts --help | ${s(help.wall)} | ${s(help.cpu)} |`,
      '',
      `compile: kfp-ts ${(theirs.wall / ours.wall).toFixed(1)}× faster (wall), ${(theirs.cpu / ours.cpu).toFixed(1)}× (CPU); target ≥ 3×: ${theirs.cpu / ours.cpu >= 3 && theirs.wall / ours.wall >= 3 ? 'met' : 'NOT met'}`,
      `--help: ${s(help.cpu)} s CPU; target < 0.3 s: ${help.cpu < 300 ? 'met' : 'NOT met'}`,
      diffs.length === 0 ? 'kfp-ts and kfp wrote the same IR' : `the IR differs (${diffs.length}): ${diffs[0]}`,
    ];
    console.log(lines.join('\n'));
  } finally {
    if (values.keep) process.stderr.write(`kept ${dir}\n`);
    else await rm(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await installedBench(process.argv.slice(2));
