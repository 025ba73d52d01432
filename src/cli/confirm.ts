import { createInterface } from 'node:readline/promises';
import { EXIT_USAGE } from './exit-codes.ts';
import type { CommandIo } from './connection.ts';

/**
 * Deletes are confirmed: `--yes` confirms up front; on a terminal the command asks; anywhere else
 * (CI, a pipe) it refuses with exit code 2 rather than wait for an answer that never comes.
 */
export async function confirmDelete(io: CommandIo, what: string, yes: boolean | undefined): Promise<boolean> {
  if (yes === true) return true;
  if (process.stdin.isTTY !== true) {
    io.err(`error: deleting ${what} needs confirmation: pass --yes to delete it without asking.`);
    process.exitCode = EXIT_USAGE;
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
