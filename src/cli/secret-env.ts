/**
 * `--secret-env NAME=FILE`: the local stand-in for a Kubernetes secret a task maps to environment
 * variables. FILE is a directory with one file per key (what `kubectl` mounts), a `.json` object
 * of strings, or `KEY=VALUE` lines (`#` comments, optional `export `, optional quotes). Values are
 * read here, passed to the runner as data and never printed.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { diagnostic, type Diagnostic } from '../diagnostics.ts';

export type Secrets = Record<string, Record<string, string>>;

function problem(code: 'run/secret-env' | 'run/secret-env-syntax', arg: string, message: string): Diagnostic {
  return diagnostic(code, [`--secret-env ${arg.split('=')[0]}`], message);
}

export async function readSecretEnv(args: readonly string[]): Promise<{ secrets: Secrets; diagnostics: Diagnostic[] }> {
  const secrets: Secrets = {};
  const diagnostics: Diagnostic[] = [];
  for (const arg of args) {
    const at = arg.indexOf('=');
    const name = at > 0 ? arg.slice(0, at) : '';
    const file = at > 0 ? arg.slice(at + 1) : '';
    if (name === '' || file === '') {
      diagnostics.push(problem('run/secret-env-syntax', arg, 'Write --secret-env SECRET_NAME=FILE (the Kubernetes secret name the pipeline uses, and a file or directory with its keys).'));
      continue;
    }
    try {
      secrets[name] = await readSecretFile(file);
    } catch (err) {
      diagnostics.push(problem('run/secret-env', arg, `Cannot read the secret "${name}" from ${file}: ${(err as Error).message}`));
    }
  }
  return { secrets, diagnostics };
}

async function readSecretFile(file: string): Promise<Record<string, string>> {
  const info = await stat(file);
  if (info.isDirectory()) {
    const out: Record<string, string> = {};
    for (const entry of await readdir(file, { withFileTypes: true })) {
      if (entry.name.startsWith('.') || !entry.isFile()) continue;
      out[entry.name] = await readFile(path.join(file, entry.name), 'utf8');
    }
    return out;
  }
  const text = await readFile(file, 'utf8');
  if (file.endsWith('.json')) {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('the JSON file must hold an object of key: string value');
    const out: Record<string, string> = {};
    for (const [k, v] of Object.entries(parsed)) {
      if (typeof v !== 'string') throw new Error(`key "${k}" is not a string`);
      out[k] = v;
    }
    return out;
  }
  const out: Record<string, string> = {};
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const body = line.startsWith('export ') ? line.slice(7).trimStart() : line;
    const eq = body.indexOf('=');
    if (eq <= 0) throw new Error(`line ${i + 1} is not KEY=VALUE`);
    let value = body.slice(eq + 1).trim();
    if (value.length >= 2 && (value[0] === '"' || value[0] === "'") && value.endsWith(value[0])) value = value.slice(1, -1);
    out[body.slice(0, eq).trim()] = value;
  });
  return out;
}
