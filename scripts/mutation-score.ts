/**
 * Prints the mutation score per folder from StrykerJS's JSON reports
 * (test-artifacts/mutation/<folder>/mutation.json, written by `npm run mutate`), and with
 * `--equivalent` the mutants marked equivalent in the sources (`// Stryker disable … : reason`)
 * as a Markdown table for tests/README.md.
 *
 *   node --import tsx scripts/mutation-score.ts [--equivalent | --survivors]
 *
 * `--survivors` lists the mutants no test killed (survived or not covered), one a line, to write
 * the tests that kill them or to mark them equivalent.
 *
 * Score: (killed + timeout) / (killed + timeout + survived + no coverage) over the mutants a test
 * run can show, StrykerJS's formula without the static ones (see `bucket`), which are counted
 * apart, as are the equivalent ones (marked in the sources) and those that do not compile.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const REPORTS = path.join(REPO, 'test-artifacts', 'mutation');

type Status = 'Killed' | 'Survived' | 'NoCoverage' | 'Timeout' | 'CompileError' | 'RuntimeError' | 'Ignored' | 'Pending';

interface Mutant {
  readonly mutatorName: string;
  readonly replacement?: string;
  readonly status: Status;
  readonly statusReason?: string;
  /** Set by StrykerJS on a mutant whose code runs while its module loads (a module-level constant). */
  readonly static?: boolean;
  readonly location: { readonly start: { readonly line: number; readonly column: number } };
}

interface Report {
  readonly files: { readonly [file: string]: { readonly source: string; readonly mutants: readonly Mutant[] } };
  /** The options of the run; `ignoreStatic: false` when its static mutants were measured. */
  readonly config?: { readonly ignoreStatic?: boolean };
}

/** A mutated file of a report, and whether its run measured the static mutants. */
type FileReport = Report['files'][string] & { readonly staticMeasured: boolean };

/** Each report's files, keyed by their path relative to the repository. */
function readReports(): Map<string, FileReport> {
  const files = new Map<string, FileReport>();
  if (!existsSync(REPORTS)) return files;
  for (const folder of readdirSync(REPORTS).sort()) {
    const file = path.join(REPORTS, folder, 'mutation.json');
    if (!existsSync(file)) continue;
    const report = JSON.parse(readFileSync(file, 'utf8')) as Report;
    const staticMeasured = report.config?.ignoreStatic === false;
    for (const [name, body] of Object.entries(report.files)) files.set(path.relative(REPO, path.resolve(REPO, name)), { ...body, staticMeasured });
  }
  return files;
}

type Counts = Record<Status | 'Static', number>;
const zero = (): Counts => ({ Killed: 0, Survived: 0, NoCoverage: 0, Timeout: 0, CompileError: 0, RuntimeError: 0, Ignored: 0, Static: 0, Pending: 0 });

/**
 * The count a mutant goes to. Static mutants (StrykerJS's `static`: code that runs while its module
 * loads) are scored like the others when their run measured them (stryker.config.mjs's
 * ignoreStatic off: the modules reloaded with the mutant on, tests/mutation/static-mutants.ts).
 * Otherwise they are counted apart and not in the score: the run switched them on when a test
 * started, after the module-level code already ran, so no test could see them. Those not
 * compiling stay compile errors.
 */
const bucket = (m: Mutant, staticMeasured: boolean): keyof Counts =>
  m.status === 'CompileError'
    ? 'CompileError'
    : !staticMeasured && (m.static || (m.status === 'Ignored' && /static/i.test(m.statusReason ?? '')))
      ? 'Static'
      : m.status;

/** The folder a file is reported under: src/<folder>, and src/<folder>/<sub> for a subfolder. */
function folderOf(file: string): string[] {
  const parts = file.split('/');
  const folders = [parts.slice(0, 2).join('/')];
  if (parts.length > 3) folders.push(parts.slice(0, 3).join('/'));
  return folders;
}

const score = (c: Counts): number | undefined => {
  const valid = c.Killed + c.Timeout + c.Survived + c.NoCoverage;
  return valid ? (100 * (c.Killed + c.Timeout)) / valid : undefined;
};

/** One row per folder: the counts StrykerJS reports and the score. */
function scoreTable(files: ReadonlyMap<string, FileReport>): string {
  const byFolder = new Map<string, Counts>();
  for (const [file, body] of files)
    for (const folder of folderOf(file)) {
      const counts = byFolder.get(folder) ?? zero();
      for (const m of body.mutants) counts[bucket(m, body.staticMeasured)]++;
      byFolder.set(folder, counts);
    }
  const rows = [...byFolder.entries()].sort(([a], [b]) => a.localeCompare(b));
  const header = ['folder', 'score', 'killed', 'timeout', 'survived', 'no coverage', 'equivalent (ignored)', 'static, not scored', 'compile errors'];
  const lines = rows.map(([folder, c]) => {
    const s = score(c);
    return [folder, s === undefined ? '-' : `${s.toFixed(1)}%`, c.Killed, c.Timeout, c.Survived, c.NoCoverage, c.Ignored, c.Static, c.CompileError + c.RuntimeError].map(String);
  });
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const fmt = (cells: readonly string[]) => cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ');
  return [fmt(header), ...lines.map(fmt)].join('\n');
}

/** The equivalent mutants (ignored by a `Stryker disable` comment), as Markdown rows. */
function equivalentTable(files: ReadonlyMap<string, FileReport>): string {
  const rows = ['| where | mutant | why it is equivalent |', '| --- | --- | --- |'];
  for (const [file, body] of [...files].sort(([a], [b]) => a.localeCompare(b)))
    for (const m of body.mutants)
      if (bucket(m, body.staticMeasured) === 'Ignored')
        rows.push(`| ${file}:${m.location.start.line} | ${m.mutatorName}${m.replacement ? ` → \`${m.replacement.replace(/\s+/g, ' ').slice(0, 60)}\`` : ''} | ${(m.statusReason ?? '').replace(/\|/g, '\\|')} |`);
  return rows.join('\n');
}

/** The surviving mutants (survived, or covered by no test), one a line: where, mutator, replacement. */
function survivorList(files: ReadonlyMap<string, FileReport>): string {
  const lines: string[] = [];
  for (const [file, body] of [...files].sort(([a], [b]) => a.localeCompare(b)))
    for (const m of [...body.mutants].sort((a, b) => a.location.start.line - b.location.start.line))
      if (m.status === 'Survived' || m.status === 'NoCoverage')
        lines.push(`${file}:${m.location.start.line}:${m.location.start.column} ${m.status === 'NoCoverage' ? 'no coverage' : 'survived'} ${m.mutatorName}${m.replacement ? ` → ${m.replacement.replace(/\s+/g, ' ').slice(0, 80)}` : ''}`);
  return lines.join('\n');
}

/** The score table of every report there is, or undefined when there is none. */
export function mutationScores(): string | undefined {
  const files = readReports();
  return files.size ? scoreTable(files) : undefined;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const files = readReports();
  if (files.size === 0) {
    console.error(`No mutation report under ${path.relative(REPO, REPORTS)}/: run npm run mutate first.`);
    process.exit(1);
  }
  console.log(process.argv.includes('--equivalent') ? equivalentTable(files) : process.argv.includes('--survivors') ? survivorList(files) : scoreTable(files));
}
