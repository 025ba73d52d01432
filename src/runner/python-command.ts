/**
 * Recognises the command kfp writes for a lightweight Python component (and a notebook component,
 * which has the same shape) and splits it into the parts the local runner treats differently:
 *
 *   sh -c '<pip prelude> && "$0" "$@"'        optional: installs packages_to_install, then kfp
 *   sh -ec 'program_path=$(mktemp -d) ... python3 -m kfp.dsl.executor_main ...'  <program>  <args>
 *
 * The prelude is not run: its `pip install` lines say which packages the task needs, and the
 * runner provides them as a cached virtual environment (or the user's `--venv` / `--python`)
 * whose `python3` comes first on PATH. Everything after the prelude — the program and kfp's
 * executor — runs exactly as the launcher would run it.
 */
import { parse } from 'shell-quote';

/** One `pip install` from the prelude: its arguments after `install`, options included. */
export interface PipInstall {
  readonly args: readonly string[];
}

export interface PythonCommand {
  /** The pip installs of the prelude, in order (empty without a prelude). */
  readonly installs: readonly PipInstall[];
  /** The command to run: the prelude removed, `python3` resolved through PATH. */
  readonly command: readonly string[];
}

const EXECUTOR_MODULE = 'kfp.dsl.executor_main';

/**
 * The command (container `command` + `args`, placeholders already resolved or not) of a
 * lightweight Python component, or undefined when it is any other container.
 */
export function parsePythonCommand(full: readonly string[]): PythonCommand | undefined {
  let rest = [...full];
  let installs: PipInstall[] = [];
  if (rest[0] === 'sh' && rest[1] === '-c' && typeof rest[2] === 'string' && /"\$0"\s+"\$@"\s*$/.test(rest[2])) {
    const parsed = parsePrelude(rest[2]);
    if (parsed === undefined) return undefined;
    installs = parsed;
    rest = rest.slice(3);
  }
  const script = rest[2];
  if (rest[0] !== 'sh' || rest[1] !== '-ec' || script === undefined) return undefined;
  if (!script.includes(EXECUTOR_MODULE) || !script.includes('ephemeral_component.py')) return undefined;
  return { installs, command: rest };
}

/** The `pip install` commands of kfp's package-install prelude. */
function parsePrelude(script: string): PipInstall[] | undefined {
  const installs: PipInstall[] = [];
  let entries;
  try {
    entries = parse(script, (name) => `$${name}`);
  } catch {
    return undefined;
  }
  let words: string[] = [];
  const flush = (): void => {
    const at = words.findIndex((w, i) => w === 'pip' && words[i + 1] === 'install' && words[i - 1] === '-m');
    if (at >= 0) installs.push({ args: words.slice(at + 2) });
    words = [];
  };
  for (const entry of entries) {
    if (typeof entry === 'string') words.push(entry);
    else if ('op' in entry) flush();
    else if ('comment' in entry) continue;
    else words.push(String(entry));
  }
  flush();
  return installs;
}

/** The packages (not options) a prelude installs, e.g. for messages: `pandas==3.1.1, kfp==2.17.3`. */
export function installedPackages(installs: readonly PipInstall[]): string[] {
  const out: string[] = [];
  for (const install of installs) {
    for (let i = 0; i < install.args.length; i++) {
      const arg = install.args[i] ?? '';
      if (OPTIONS_WITH_VALUE.has(arg)) {
        i++;
        continue;
      }
      if (!arg.startsWith('-')) out.push(arg);
    }
  }
  return out;
}

const OPTIONS_WITH_VALUE = new Set(['--index-url', '-i', '--extra-index-url', '--trusted-host', '--find-links', '-f', '--target', '-t', '--prefix', '--root', '--constraint', '-c', '--requirement', '-r']);
