/**
 * Summarises a V8 `.cpuprofile` (from `node --cpu-prof`): the functions with the most self time and
 * the most total (inclusive) time, and the share of time spent per source area (src/compiler,
 * node_modules/yaml, tsx/esbuild, node internals, ...).
 *
 *   node --import tsx bench/cpuprofile-summary.ts FILE.cpuprofile [TOP]
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function shortUrl(url: string): string {
  const p = url.startsWith('file://') ? fileURLToPath(url.split('?')[0]!) : url;
  return p.startsWith(REPO) ? path.relative(REPO, p) : p;
}

/** A coarse bucket per source area, so "where does startup go" has a one-line answer. */
function area(url: string, fn: string): string {
  const u = shortUrl(url);
  if (fn === '(garbage collector)') return 'GC';
  if (fn === '(idle)' || fn === '(program)' || fn === '(root)') return fn;
  if (u === '') return 'native/builtin';
  if (u.startsWith('node:')) return 'node internals';
  const nm = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(u);
  if (nm) return `node_modules/${nm[1]}`;
  const src = /^(src\/[^/]+)/.exec(u);
  if (src) return src[1]!;
  return u.split('/').slice(0, 2).join('/');
}

function frameKey(f: CallFrame): string {
  return `${f.functionName || '(anonymous)'} ${shortUrl(f.url)}:${f.lineNumber + 1}`;
}

async function main(): Promise<void> {
  const file = process.argv[2];
  const top = Number(process.argv[3] ?? 25);
  if (!file) throw new Error('usage: cpuprofile-summary.ts FILE.cpuprofile [TOP]');
  const prof = JSON.parse(await readFile(file, 'utf8')) as Profile;
  const byId = new Map(prof.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of prof.nodes) for (const c of n.children ?? []) parent.set(c, n.id);

  const selfUs = new Map<number, number>();
  prof.samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + (prof.timeDeltas[i] ?? 0)));
  const totalUs = [...selfUs.values()].reduce((a, b) => a + b, 0);

  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  const areas = new Map<string, number>();
  for (const [id, us] of selfUs) {
    const node = byId.get(id)!;
    const key = frameKey(node.callFrame);
    self.set(key, (self.get(key) ?? 0) + us);
    const a = area(node.callFrame.url, node.callFrame.functionName);
    areas.set(a, (areas.get(a) ?? 0) + us);
    // Inclusive: count each distinct frame once per stack (recursion must not double count).
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const k = frameKey(byId.get(cur)!.callFrame);
      if (seen.has(k)) continue;
      seen.add(k);
      inclusive.set(k, (inclusive.get(k) ?? 0) + us);
    }
  }

  const pct = (us: number): string => `${((100 * us) / totalUs).toFixed(1).padStart(5)} %`;
  const ms = (us: number): string => `${(us / 1000).toFixed(0).padStart(7)} ms`;
  const print = (title: string, m: Map<string, number>, n: number): void => {
    process.stdout.write(`\n${title}\n`);
    for (const [k, us] of [...m].sort((a, b) => b[1] - a[1]).slice(0, n)) process.stdout.write(`${ms(us)} ${pct(us)}  ${k}\n`);
  };
  process.stdout.write(`${shortUrl(file)}: ${(totalUs / 1000).toFixed(0)} ms sampled\n`);
  print('By area (self time):', areas, 20);
  print(`Top ${top} by self time:`, self, top);
  print(`Top ${top} by total time:`, inclusive, top);
}

await main();
