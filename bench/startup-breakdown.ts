/**
 * Where the whole-process time of compiling a one-task pipeline goes, and what precompiling
 * would save. An experiment for the performance report, not part of `npm run bench`.
 *
 *   node --import tsx bench/startup-breakdown.ts [REPS]
 *
 * Builds, in a temp dir, an esbuild bundle of the CLI and the public API (code-split, so a
 * pipeline file importing `dist/index.js` shares modules with the CLI), then times each variant
 * (median wall and CPU of REPS runs):
 *   - bare `node` and `node` with tsx registered (the floor under any TypeScript CLI);
 *   - today's `bin/kfp-ts.js compile` (tsx transpiles/loads the CLI and src, ~100 modules);
 *   - the bundled CLI with tsx registered for the user's `.ts` pipeline;
 *   - the bundled CLI with only the pipeline file transpiled by esbuild's transformSync (no hooks);
 *   - the bundled CLI with the pipeline also precompiled to `.js` (no tsx at all);
 *   - Python: bare interpreter, `import kfp`, and `kfp dsl compile`.
 * Nothing under src/ or bin/ is changed.
 */
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
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
  readonly cwd: string;
}

async function bundle(dir: string, external: boolean): Promise<string> {
  const out = path.join(dir, external ? 'dist-ext' : 'dist-all');
  await build({
    entryPoints: { 'cli/main': path.join(REPO, 'src/cli/main.ts'), index: path.join(REPO, 'src/index.ts') },
    outdir: out,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    // ts-morph is only reached by `upload`; keep it out either way.
    external: external ? ['ajv', 'commander', 'ts-morph', 'tsx', 'yaml', 'zod'] : ['ts-morph', 'tsx'],
    logLevel: 'error',
    // Bundled CJS (yaml, commander) needs `require` inside an ES module.
    banner: external ? {} : { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  });
  return out;
}

async function main(): Promise<void> {
  const reps = Number(process.argv[2] ?? 7);
  const dir = await mkdtemp(path.join(tmpdir(), 'kfp-ts-startup-'));
  try {
    await writePackageJson(dir);
    // The bundles that keep dependencies external resolve them from here.
    await symlink(path.join(REPO, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
    const src = await writeCase(dir, 'chain', 1, path.join(REPO, 'src', 'index.ts'));
    const variants: Variant[] = [
      { name: 'node -e 0', cmd: process.execPath, args: ['-e', '0'], cwd: REPO },
      { name: 'node --import tsx -e 0', cmd: process.execPath, args: ['--import', 'tsx', '-e', '0'], cwd: REPO },
      { name: 'kfp-ts compile (today: tsx + src)', cmd: process.execPath, args: [path.join(REPO, 'bin/kfp-ts.js'), 'compile', src.tsFile, '-o', path.join(dir, 'a.yaml')], cwd: dir },
    ];
    for (const external of [true, false]) {
      const dist = await bundle(dir, external);
      const label = external ? 'bundled src, deps external' : 'bundled src + deps';
      const sub = path.join(dir, path.basename(dist) + '-case');
      await mkdir(sub);
      await writePackageJson(sub);
      const c = await writeCase(sub, 'chain', 1, path.join(dist, 'index.js'));
      // The same pipeline as plain JS: the types are the only TypeScript in it.
      const js = await build({ entryPoints: [c.tsFile], write: false, format: 'esm', platform: 'node', target: 'node20', logLevel: 'error' });
      const jsFile = c.tsFile.replace(/\.ts$/, '.js');
      await writeFile(jsFile, js.outputFiles[0]!.text);
      const withTsx = path.join(sub, 'bin-tsx.mjs');
      await writeFile(
        withTsx,
        `import { register } from ${JSON.stringify(pathToFileURL(path.join(REPO, 'node_modules/tsx/dist/esm/api/index.mjs')).href)};\nregister();\nconst { main } = await import(${JSON.stringify(pathToFileURL(path.join(dist, 'cli/main.js')).href)});\nprocess.exitCode = await main(process.argv);\n`,
      );
      const noTsx = path.join(sub, 'bin-plain.mjs');
      await writeFile(noTsx, `const { main } = await import(${JSON.stringify(pathToFileURL(path.join(dist, 'cli/main.js')).href)});\nprocess.exitCode = await main(process.argv);\n`);
      // A lighter loader for the one-file case: esbuild transpiles just the user's file (types
      // stripped) beside itself and the CLI imports that; no module hooks, no hooks worker thread.
      const viaEsbuild = path.join(sub, 'bin-esbuild.mjs');
      await writeFile(
        viaEsbuild,
        [
          `import { transformSync } from ${JSON.stringify(pathToFileURL(path.join(REPO, 'node_modules/esbuild/lib/main.js')).href)};`,
          `import { readFileSync, writeFileSync, rmSync } from 'node:fs';`,
          `const file = process.argv[3];`,
          `const out = file.replace(/\.ts$/, '.transpiled.mjs');`,
          `writeFileSync(out, transformSync(readFileSync(file, 'utf8'), { loader: 'ts', format: 'esm', target: 'node20' }).code);`,
          `const { main } = await import(${JSON.stringify(pathToFileURL(path.join(dist, 'cli/main.js')).href)});`,
          `try { process.exitCode = await main([...process.argv.slice(0, 3), out, ...process.argv.slice(4)]); } finally { rmSync(out); }`,
          '',
        ].join('\n'),
      );
      variants.push(
        { name: `${label}, esbuild.transformSync of the .ts pipeline only`, cmd: process.execPath, args: [viaEsbuild, 'compile', c.tsFile, '-o', path.join(sub, 'd.yaml')], cwd: sub },
        { name: `${label}, tsx for the .ts pipeline`, cmd: process.execPath, args: [withTsx, 'compile', c.tsFile, '-o', path.join(sub, 'b.yaml')], cwd: sub },
        { name: `${label}, pipeline precompiled .js, no tsx`, cmd: process.execPath, args: [noTsx, 'compile', jsFile, '-o', path.join(sub, 'c.yaml')], cwd: sub },
      );
    }
    variants.push(
      { name: 'python -c 0', cmd: path.join(VENV, 'python'), args: ['-c', '0'], cwd: dir },
      { name: 'python -c "import kfp.dsl, kfp.compiler"', cmd: path.join(VENV, 'python'), args: ['-c', 'import kfp.dsl, kfp.compiler'], cwd: dir },
      { name: 'kfp dsl compile', cmd: path.join(VENV, 'kfp'), args: ['dsl', 'compile', '--py', src.pyFile, '--output', path.join(dir, 'k.yaml')], cwd: dir },
    );
    const rows: string[] = [];
    for (const v of variants) {
      await timedRun(v.cmd, v.args, v.cwd); // warm caches (tsx's transpile cache, __pycache__, page cache)
      const wall: number[] = [];
      const cpu: number[] = [];
      for (let i = 0; i < reps; i++) {
        const r = await timedRun(v.cmd, v.args, v.cwd);
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
