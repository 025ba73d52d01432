/**
 * `kfp-ts run FILE --local`: the pipeline run on this machine by the local runner (src/runner).
 * Progress goes to stderr — a live block on a terminal, plain lines otherwise — and the result to
 * stdout: a summary, or with `--format json` the whole result. Exit code 0 only when the run
 * succeeded; 1 when it failed or could not start; 2 for a wrong command line; 130 when interrupted
 * (Ctrl-C stops the running tasks and leaves the run directory consistent: every task's final
 * state is written).
 */
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { diagnostic, DiagnosticError, formatDiagnostic, type Diagnostic } from '../../diagnostics.ts';
import type { JsonValue } from '../../ir/index.ts';
import { plainLine, renderLive } from '../../runner/live-view.ts';
import type { RunEvent, TaskRecord } from '../../runner/model.ts';
import { EXIT_USER_ERROR } from '../exit-codes.ts';
import { failWith, type CommandIo } from '../connection.ts';
import { loadPipelineInput } from '../pipeline-input.ts';
import { readSecretEnv } from '../secret-env.ts';
import { collectParameters, paramSyntaxProblems } from '../run-parameters.ts';
import type { RunFlags } from '../run-flags.ts';

export const EXIT_INTERRUPTED = 130;

export async function runLocalCommand(file: string, flags: RunFlags, io: CommandIo): Promise<void> {
  const problems: Diagnostic[] = [];
  let parallelism: number | undefined;
  if (flags.parallelism !== undefined) {
    parallelism = Number(flags.parallelism);
    if (!/^\d+$/.test(flags.parallelism) || parallelism < 1) problems.push(diagnostic('run/invalid-number', ['--parallelism'], `--parallelism takes a whole number of at least 1, not "${flags.parallelism}".`));
  }
  if (flags.venv !== undefined && flags.python !== undefined) problems.push(diagnostic('run/conflicting-options', ['--venv'], 'Give --venv or --python, not both.'));
  const inputArtifacts: Record<string, { uri: string }> = {};
  for (const arg of flags.artifact ?? []) {
    const at = arg.indexOf('=');
    if (at <= 0 || at === arg.length - 1) problems.push(diagnostic('run/artifact-syntax', [`--artifact ${arg}`], 'Write --artifact NAME=PATH (a pipeline input artifact and the file or directory it is).'));
    else inputArtifacts[arg.slice(0, at)] = { uri: arg.slice(at + 1) };
  }
  problems.push(...(await paramSyntaxProblems(flags)));
  const secretRead = await readSecretEnv(flags.secretEnv ?? []);
  problems.push(...secretRead.diagnostics);
  if (problems.length > 0) return failWith(io, problems);

  const pkg = await loadPipelineInput(file, flags, io);
  if (pkg === undefined) return;
  const params = await collectParameters(pkg, flags, file);
  if (!params.ok) return failWith(io, params.diagnostics);
  if (params.diagnostics.length > 0) failWith(io, params.diagnostics);

  const json = (flags.format ?? 'text') === 'json';
  const live = !json && process.stderr.isTTY === true;
  const view = live ? liveView() : plainView(io);
  const controller = new AbortController();
  let interrupts = 0;
  const onSignal = (): void => {
    interrupts++;
    if (interrupts === 1) {
      view.note('interrupted: stopping the running tasks (Ctrl-C again to quit at once)');
      controller.abort();
    } else process.exit(EXIT_INTERRUPTED);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  const cacheHome = process.env['XDG_CACHE_HOME'] || path.join(os.homedir(), '.cache');
  const { runLocal } = await import('../../runner/run-local.ts');
  let result;
  try {
    result = await runLocal(pkg.pipelineSpec, params.value as Record<string, JsonValue>, {
      ...(pkg.platformSpec !== undefined ? { platformSpec: pkg.platformSpec } : {}),
      ...(flags.pipelineRoot !== undefined ? { pipelineRoot: flags.pipelineRoot } : {}),
      ...(flags.runName !== undefined ? { runName: flags.runName } : {}),
      ...(parallelism !== undefined ? { parallelism } : {}),
      ...(flags.venv !== undefined ? { venv: flags.venv } : {}),
      ...(flags.python !== undefined ? { python: flags.python } : {}),
      venvCacheDir: path.join(cacheHome, 'kfp-ts', 'venvs'),
      disableCaching: flags.disableCaching === true,
      secrets: secretRead.secrets,
      inputArtifacts,
      signal: controller.signal,
      onEvent: (e) => view.event(e),
    });
  } catch (err) {
    view.stop();
    if (err instanceof DiagnosticError) return failWith(io, err.diagnostics);
    throw err;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
  view.stop();
  if (json) io.out(JSON.stringify(result, null, 2));
  else {
    const { renderSummary } = await import('../../runner/summary.ts');
    const tails = new Map<string, string>();
    for (const t of result.tasks) if (t.state === 'FAILED' && t.logFile !== undefined) tails.set(t.path, await logTail(t.logFile, 20));
    io.out(renderSummary(result, tails));
  }
  if (result.state === 'CANCELED') process.exitCode = EXIT_INTERRUPTED;
  else if (result.state !== 'SUCCEEDED') process.exitCode = EXIT_USER_ERROR;
}

async function logTail(file: string, lines: number): Promise<string> {
  try {
    const text = await readFile(file, 'utf8');
    return text.trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}

interface View {
  event(e: RunEvent): void;
  note(text: string): void;
  stop(): void;
}

function warnings(e: RunEvent): string[] {
  return e.kind === 'run-started' ? e.diagnostics.map((d) => `warning: ${formatDiagnostic(d)}`) : [];
}

/** CI logs: a line per state change that matters (started, finished), and progress notes. */
function plainView(io: CommandIo): View {
  let started = Date.now();
  const last = new Map<string, string>();
  return {
    event(e) {
      if (e.kind === 'run-started') {
        started = Date.parse(e.at);
        for (const w of warnings(e)) io.err(w);
        io.err(`run ${e.runName} → ${e.runDir}`);
      } else if (e.kind === 'progress') io.err(e.message);
      else if (e.kind === 'task') {
        const r = e.task;
        if (r.state === 'PENDING' && r.attempts === 0) return;
        const key = `${r.state}/${r.attempts}`;
        if (last.get(r.path) === key) return;
        last.set(r.path, key);
        io.err(plainLine(r, started, Date.parse(e.at)));
      }
    },
    note: (text) => io.err(text),
    stop() {},
  };
}

/** A terminal: the task block redrawn in place (at most ~10 times a second, and every second for durations). */
function liveView(): View {
  const stream = process.stderr;
  const records = new Map<string, TaskRecord>();
  let header = 'starting…';
  let drawn = 0;
  let dirty = false;
  const notes: string[] = [];
  const draw = (): void => {
    dirty = false;
    const lines = renderLive([...records.values()], Date.now(), header, Math.max(5, (stream.rows ?? 30) - notes.length - 2), stream.columns ?? 100);
    let text = drawn > 0 ? `\x1b[${drawn}A\x1b[J` : '';
    for (const n of notes.splice(0)) text += `${n}\n`;
    text += `${lines.join('\n')}\n`;
    stream.write(text);
    drawn = lines.length;
  };
  const timer = setInterval(draw, 1000);
  const schedule = (): void => {
    if (dirty) return;
    dirty = true;
    setTimeout(draw, 100);
  };
  return {
    event(e) {
      if (e.kind === 'run-started') {
        notes.push(...warnings(e));
        header = `run ${e.runName} → ${e.runDir}`;
      } else if (e.kind === 'progress') notes.push(e.message);
      else if (e.kind === 'task') records.set(e.task.path, e.task);
      else if (e.kind === 'run-finished') header = `run ${e.result.state}`;
      schedule();
    },
    note(text) {
      notes.push(text);
      schedule();
    },
    stop() {
      // The summary follows on stdout: leave the notes, take the block away.
      clearInterval(timer);
      let text = drawn > 0 ? `\x1b[${drawn}A\x1b[J` : '';
      for (const n of notes.splice(0)) text += `${n}\n`;
      stream.write(text);
      drawn = 0;
    },
  };
}
