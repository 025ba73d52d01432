/**
 * Applies the suggested hot-spot fixes to a COPY of the repo (never to the working tree), by
 * text replacement that tolerates code moving between files, so the numbers in bench/README.md can
 * be reproduced on later commits. Prints which fixes applied.
 *
 *   node --import tsx bench/experiments/apply-suggestions.ts TREE [--fast-emit]
 *
 *  1. compile: `uniqueName(…, new Set(Object.keys(ctx.components)))` builds a set of every
 *     component name for every task (O(N²)); look the name up in the object instead.
 *  2. structure: task naming probes `name-2`, `name-3`, … from 2 for every task with the same
 *     component (O(N²)); resume from the last index used per base name.
 *  3. python: each task re-extracts and re-parses its component's function; memoize per call.
 *  4. --fast-emit: bench/experiments/fast-emit.ts in place of src/emit/emit-yaml.ts's emitter.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

const [tree, flag] = process.argv.slice(2);
if (!tree || tree === path.resolve(import.meta.dirname, '..', '..')) throw new Error('usage: apply-suggestions.ts COPY_OF_REPO [--fast-emit] (not the working tree)');

async function filesUnder(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...(await filesUnder(p)));
    else if (p.endsWith('.ts')) out.push(p);
  }
  return out;
}

const report: string[] = [];
const files = await filesUnder(path.join(tree, 'src'));

// 1. Component and executor names: a membership view, not a new Set per task.
let n1 = 0;
for (const f of files) {
  const text = await readFile(f, 'utf8');
  const next = text.replace(/new Set\(Object\.keys\((ctx\.(?:components|executors))\)\)/g, (_m, obj: string) => {
    n1++;
    return `{ has: (n: string) => Object.hasOwn(${obj}, n) }`;
  });
  if (next !== text) await writeFile(f, next);
}
report.push(`1 unique component/executor names: ${n1} call(s) changed${n1 === 0 ? ' (src has had its own fix since c43db17)' : ''}`);

// 2. Task names: resume the `-N` search where it stopped for the same base name.
{
  const f = path.join(tree, 'src', 'compiler', 'structure.ts');
  const text = await readFile(f, 'utf8');
  const old = `  for (const t of tasks) {
    const base = k8sName(t.node.component.name);
    t.name = uniqueName(base === '' ? 'task' : base, taken);
    taken.add(t.name);`;
  const fix = `  const nextIndex = new Map<string, number>();
  for (const t of tasks) {
    const b = k8sName(t.node.component.name);
    const base = b === '' ? 'task' : b;
    if (!taken.has(base)) t.name = base;
    else {
      let i = nextIndex.get(base) ?? 2;
      while (taken.has(\`\${base}-\${i}\`)) i++;
      t.name = \`\${base}-\${i}\`;
      nextIndex.set(base, i + 1);
    }
    taken.add(t.name);`;
  if (text.includes(old)) {
    await writeFile(f, text.replace(old, fix));
    report.push('2 task naming: applied');
  } else report.push('2 task naming: NOT applied (code changed; src has had its own fix since c43db17)');
}

// 3. One extraction and one signature parse per distinct function, per compile.
{
  let applied = false;
  for (const f of files) {
    let text = await readFile(f, 'utf8');
    if (!text.includes('extractFunctionSource(module, impl.functionName)') || !text.includes('parseSignature(fn.text)')) continue;
    text = text
      .replace('extractFunctionSource(module, impl.functionName)', 'memo(fnCache, `${impl.functionName}\\u0000${module}`, () => extractFunctionSource(module, impl.functionName))')
      .replace('parseSignature(fn.text)', 'memo(sigCache, fn.text, () => parseSignature(fn.text))')
      .replace(
        /(\n\s*for \(const t of s\.tasks\) \{)/,
        '\n  const fnCache = new Map<string, ReturnType<typeof extractFunctionSource>>();\n  const sigCache = new Map<string, ReturnType<typeof parseSignature>>();$1',
      );
    text += '\nfunction memo<K, V>(m: Map<K, V>, k: K, f: () => V): V {\n  if (m.has(k)) return m.get(k)!;\n  const v = f();\n  m.set(k, v);\n  return v;\n}\n';
    await writeFile(f, text);
    applied = true;
  }
  report.push(`3 Python parse memo: ${applied ? 'applied' : 'NOT applied (code changed)'}`);
}

// 4. The fast emitter prototype.
if (flag === '--fast-emit') {
  await writeFile(
    path.join(tree, 'src', 'emit', 'emit-yaml.ts'),
    "// Experiment: bench/experiments/fast-emit.ts in place of the yaml Document round trip.\nexport { fastEmitPipelineYaml as emitPipelineYaml } from '../../bench/experiments/fast-emit.ts';\n",
  );
  report.push('4 fast emit: applied');
}
process.stdout.write(`${report.join('\n')}\n`);
