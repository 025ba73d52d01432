import { createInterface } from 'node:readline/promises';
import { diagnostic } from '../diagnostics.ts';
import type { KfpClient } from '../client/kfp-client.ts';
import { failWith, type CommandIo } from './connection.ts';

/**
 * Deletes are confirmed: `--yes` confirms up front; on a terminal the command asks; anywhere else
 * (CI, a pipe) it refuses with exit code 2 rather than wait for an answer that never comes.
 */
export async function confirmDelete(io: CommandIo, what: string, yes: boolean | undefined): Promise<boolean> {
  if (yes === true) return true;
  if (process.stdin.isTTY !== true) {
    failWith(io, [diagnostic('cli/needs-confirmation', ['--yes'], `Deleting ${what} needs confirmation: pass --yes to delete it without asking.`)]);
    return false;
  }
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    const answer = await rl.question(`Delete ${what}? This cannot be undone. [y/N] `);
    if (/^y(es)?$/i.test(answer.trim())) return true;
    io.err('Nothing deleted.');
    return false;
  } finally {
    rl.close();
  }
}

/** One resource to delete, as `deleteAfterConfirming` names, deletes and reports it. */
export interface Deletion {
  /** `run "nightly" (id …)`: what the question and the result line name. */
  readonly label: string;
  readonly remove: () => Promise<void>;
  /** Reads the resource back: its 404 proves a DELETE whose answer was lost went through. */
  readonly lookUp: () => Promise<unknown>;
  /** The ids the JSON result holds beside `deleted: true`. */
  readonly ids: Readonly<Record<string, string>>;
}

/**
 * Asks (see `confirmDelete`), deletes once and confirms it (`deleteConfirmed`), then prints the
 * result: `Deleted <label>.`, or with `--format json` the ids and `deleted: true`.
 */
export async function deleteAfterConfirming(io: CommandIo, kfp: KfpClient, flags: { readonly yes?: boolean; readonly format?: string }, deletion: Deletion): Promise<void> {
  if (!(await confirmDelete(io, deletion.label, flags.yes))) return;
  const { deleteConfirmed } = await import('../client/delete-confirmed.ts');
  const { notes } = await deleteConfirmed(kfp, deletion.remove, deletion.lookUp);
  for (const n of notes) io.err(`note: ${n}`);
  if (flags.format === 'json') io.out(JSON.stringify({ ...deletion.ids, deleted: true }, null, 2));
  else io.out(`Deleted ${deletion.label}.`);
}
