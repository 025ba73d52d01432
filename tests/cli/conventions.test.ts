/**
 * The CLI's conventions, across commands, as a user meets them (real processes through runCli):
 * `--version`; `-o, --output` is always a file and `--format text|json` the output format; no
 * `(default: [])` for a repeatable flag in --help;
 * `--disable-caching` is the caching flag of every compiling command; upload's version name is
 * `--version-name`; `validate x.ts` says to compile first; an error names its file once; an error
 * thrown by a pipeline body names the user's file, line and column.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.ts';
import { REPO } from '../support/repo.ts';

const FIXTURES = path.join(REPO, 'tests', 'cli', 'fixtures');
const dir = mkdtempSync(path.join(tmpdir(), 'kfp-ts-conventions-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const occurrences = (text: string, word: string): number => text.split(word).length - 1;

describe('kfp-ts conventions', () => {
  it('--version and -V print the version of package.json, exit 0', () => {
    const { version } = JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { version: string };
    for (const flag of ['--version', '-V']) {
      const r = runCli([flag]);
      expect(r.stdout).toBe(`${version}\n`);
      expect(r.code).toBe(0);
    }
  });

  it('--help lists every command with its summary; no command at all is a usage error (2) that shows it', () => {
    const help = runCli(['--help']);
    expect(help.code).toBe(0);
    for (const c of ['compile', 'validate', 'graph', 'codegen', 'upload', 'run', 'runs', 'pipelines', 'experiments', 'recurring-runs']) expect(help.stdout).toMatch(new RegExp(`^  ${c} `, 'm'));
    const none = runCli([]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('Usage: kfp-ts');
  });

  it('`help <command>` is `<command> --help`', () => {
    const r = runCli(['help', 'upload']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('--version-name <name>');
  });

  it('the commands that print results take --format text|json, and -o/--output is no format there', () => {
    for (const args of [['upload'], ['run'], ['runs', 'list'], ['runs', 'get'], ['pipelines', 'list'], ['experiments', 'list'], ['recurring-runs', 'list']]) {
      const help = runCli([...args, '--help']).stdout.replace(/\s+/g, ' ');
      expect(help, args.join(' ')).toContain('--format <format> output format: text for people, json for scripts (choices: "text", "json", default: "text")');
      expect(help, args.join(' ')).not.toContain('--output');
    }
    const r = runCli(['pipelines', 'list', '--host', 'http://127.0.0.1:9', '-o', 'json']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("unknown option '-o'");
  });

  it('--help shows no default for a repeatable option (no "(default: [])"), and a repeated flag still collects each value', () => {
    const commands = [['compile'], ['validate'], ['graph'], ['codegen'], ['upload'], ['run'], ['recurring-runs', 'create'], ['runs', 'list'], ['pipelines', 'list'], ['experiments', 'list']];
    for (const args of commands) {
      const help = runCli([...args, '--help']);
      expect(help.code, args.join(' ')).toBe(0);
      expect(help.stdout.replace(/\s+/g, ' '), args.join(' ')).not.toMatch(/default: \[/);
    }
    const run = runCli(['run', '--help']).stdout.replace(/\s+/g, ' ');
    for (const flag of ['--param <name=value>', '--artifact <name=path>', '--secret-env <name=file>']) expect(run).toContain(flag);
    // Two wrong --param flags: both are reported, so both were collected.
    const r = runCli(['run', path.join(FIXTURES, 'ok.ts'), '--local', '--param', 'first', '--param', 'second']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--param first: Write parameters as --param name=value. [run/param-syntax]');
    expect(r.stderr).toContain('--param second: Write parameters as --param name=value. [run/param-syntax]');
  });

  it('--disable-caching is the caching flag of compile, upload and run; upload names versions with --version-name', () => {
    for (const c of ['compile', 'upload', 'run']) expect(runCli([c, '--help']).stdout, c).toContain('--disable-caching');
    expect(runCli(['compile', '--help']).stdout).not.toContain('--disable-caching-by-default');
    const old = runCli(['upload', 'x.yaml', '--version', 'v1']);
    expect(old.stderr).toContain("unknown option '--version'");
    expect(old.code).toBe(2);
  });

  it('validate given a .ts file says to compile it first, naming the file once', () => {
    const file = path.join(FIXTURES, 'ok.ts');
    const r = runCli(['validate', file]);
    expect(r.code).toBe(1);
    const [first] = r.stderr.split('\n');
    expect(first).toBe(`error: ${file}: this is a pipeline's source, not compiled IR; compile it first (\`kfp-ts compile ${file} -o ok.yaml\`, which validates what it writes), then validate ok.yaml [cli/not-compiled]`);
  });

  it('a missing pipeline file is named once in its error', () => {
    const r = runCli(['compile', 'no-such-pipeline.ts', '-o', path.join(dir, 'x.yaml')], { cwd: dir });
    expect(r.code).toBe(1);
    const [first] = r.stderr.split('\n');
    expect(first).toBe('error: no-such-pipeline.ts: no such file [cli/file-missing]');
    expect(occurrences(first!, 'no-such-pipeline.ts')).toBe(1);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('an error thrown in a helper the pipeline body calls is placed at its file, line and column', () => {
    const helper = path.join(dir, 'helper.ts');
    writeFileSync(helper, ['export function checkRows(rows: number): number {', "  if (rows > 10) throw new RangeError('too many rows: ' + rows);", '  return rows;', '}', ''].join('\n'));
    const file = path.join(dir, 'pipeline.ts');
    writeFileSync(
      file,
      [
        `import { containerComponent, pipeline } from ${JSON.stringify(path.join(REPO, 'src', 'index.ts'))};`,
        "import { checkRows } from './helper.ts';",
        "const hello = containerComponent({ name: 'hello', implementation: () => ({ image: 'alpine', command: ['echo'] }) });",
        "export default pipeline({ name: 'p' }, (_p, s) => {",
        '  s.task(hello, {});',
        '  checkRows(20);',
        '});',
        '',
      ].join('\n'),
    );
    const r = runCli(['compile', 'pipeline.ts', '-o', 'out.yaml'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr.split('\n')[0]).toBe('error: helper.ts: line 2:24: the pipeline body threw: too many rows: 20 [dsl/body-threw]');
  });
});
