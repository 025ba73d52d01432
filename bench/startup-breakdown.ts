/**
 * Where the whole-process time of compiling a one-task pipeline goes. An experiment for the
 * performance report, not part of `npm run bench`.
 *
 *   node --import tsx bench/startup-breakdown.ts [REPS]
 *
 * Times (median wall and CPU of REPS runs, after one untimed run that fills the caches):
 *   - bare `node`, and `node` with tsx registered: the floor under any TypeScript CLI;
 *   - the CLI run from src/ through tsx (what bin/kfp-ts.js did before it always ran dist/);
 *   - the CLI run from dist/cli.mjs (what it does after `npm run build`), when dist/ exists;
 *   - the same with the pipeline precompiled to plain `.js` (the floor for the bundled CLI);
 *   - Python: the bare interpreter, `import kfp`, and `kfp dsl compile`.
 */
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { writeCase, writePackageJson } from './generate.ts';
import { timedRun } from './run-process.ts';
import { median } from './stats.ts';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const VENV = path.join(REPO, '.venv', 'bin');

interface Variant {
  readonly name: string;
  readonly cmd: string;
  readonly args: readonly string[];
}

/** `node -e` that runs a CLI module's `main` with `compile FILE -o OUT`, bypassing bin's choice. */
function runMain(moduleUrl: string, file: string, out: string, withTsx: boolean): string[] {
  const script = `const { main } = await import(${JSON.stringify(moduleUrl)}); process.exitCode = await main(['node', 'kfp-ts', 'compile', ${JSON.stringify(file)}, '-o', ${JSON.stringify(out)}]);`;
  return [...(withTsx ? ['--import', 'tsx'] : []), '--input-type=module', '-e', script];
}

async function main(): Promise<void> {
  const reps = Number(process.argv[2] ?? 7);
  const dir = await mkdtemp(path.join(tmpdir(), 'kfp-ts-startup-'));
  try {
    await writePackageJson(dir, path.join(REPO, 'node_modules'));
    const c = await writeCase(dir, 'chain', 1, path.join(REPO, 'src', 'index.ts'));
    const out = (name: string): string => path.join(dir, `${name}.yaml`);
    const variants: Variant[] = [
      { name: 'node -e 0', cmd: process.execPath, args: ['-e', '0'] },
      { name: 'node --import tsx -e 0', cmd: process.execPath, args: ['--import', 'tsx', '-e', '0'] },
      { name: 'CLI from src/ through tsx', cmd: process.execPath, args: runMain(pathToFileURL(path.join(REPO, 'src/cli/main.ts')).href, c.tsFile, out('a'), true) },
    ];
    const dist = path.join(REPO, 'dist', 'cli.mjs');
    if (await stat(dist).then(() => true, () => false)) {
      // The same pipeline as plain JS, kfp-ts bundled in: the least a bundled CLI can load.
      const js = await build({ entryPoints: [c.tsFile], bundle: true, packages: 'external', write: false, format: 'esm', platform: 'node', target: 'node20', logLevel: 'error' });
      const jsFile = c.tsFile.replace(/\.ts$/, '.js');
      await writeFile(jsFile, js.outputFiles[0]!.text);
      const distUrl = pathToFileURL(dist).href;
      variants.push(
        { name: 'CLI from dist/cli.mjs (pipeline bundle cached)', cmd: process.execPath, args: runMain(distUrl, c.tsFile, out('b'), false) },
        { name: 'CLI from dist/cli.mjs, pipeline precompiled to .js', cmd: process.execPath, args: runMain(distUrl, jsFile, out('c'), false) },
      );
    } else process.stderr.write('no dist/cli.mjs: `npm run build` makes it; its rows are left out\n');
    variants.push(
      { name: 'python -c 0', cmd: path.join(VENV, 'python'), args: ['-c', '0'] },
      { name: 'python -c "import kfp.dsl, kfp.compiler"', cmd: path.join(VENV, 'python'), args: ['-c', 'import kfp.dsl, kfp.compiler'] },
      { name: 'kfp dsl compile', cmd: path.join(VENV, 'kfp'), args: ['dsl', 'compile', '--py', c.pyFile, '--output', out('k')] },
    );
    const rows: string[] = [];
    for (const v of variants) {
      await timedRun(v.cmd, v.args, dir); // fills tsx's and kfp-ts's caches, __pycache__, the page cache
      const wall: number[] = [];
      const cpu: number[] = [];
      for (let i = 0; i < reps; i++) {
        const r = await timedRun(v.cmd, v.args, dir);
        wall.push(r.wallMs);
        cpu.push(r.cpuMs);
      }
      const row = `| ${v.name} | ${median(wall).toFixed(0)} | ${median(cpu).toFixed(0)} |`;
      rows.push(row);
      process.stderr.write(`${row}\n`);
    }
    process.stdout.write(`\nOne-task chain, median of ${reps} runs:\n\n| variant | wall ms | CPU ms |\n|:--|--:|--:|\n${rows.join('\n')}\n`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
