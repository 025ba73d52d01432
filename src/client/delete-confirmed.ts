import { isKfpError } from './errors.ts';
import type { KfpClient } from './kfp-client.ts';
import { backoffDelay } from './retry.ts';

/** What {@link deleteConfirmed} reports besides the deletion: notes for the user. */
export interface DeleteConfirmedResult {
  /** Lines worth telling the user, e.g. that an uncertain failure was resolved by looking. */
  readonly notes: readonly string[];
}

/**
 * Deletes without guessing. A DELETE is sent once; when it fails in a way that may hide success
 * (the connection dropped after sending, a gateway 502/503/504), the resource is looked up: a 404
 * means it is gone, and only a resource still there gets the DELETE again.
 *
 * @example
 * await deleteConfirmed(kfp, () => kfp.runs.delete(id), () => kfp.runs.get(id));
 */
export async function deleteConfirmed(kfp: KfpClient, remove: () => Promise<void>, lookUp: () => Promise<unknown>): Promise<DeleteConfirmedResult> {
  const notes: string[] = [];
  const max = kfp.http.retry.maxAttempts;
  for (let attempt = 1; ; attempt++) {
    try {
      await remove();
      return { notes };
    } catch (err) {
      if (!(isKfpError(err) && err.uncertain)) throw err;
      await kfp.http.sleep(backoffDelay(attempt, kfp.http.retry));
      try {
        await lookUp();
      } catch (lookErr) {
        if (isKfpError(lookErr) && lookErr.code === 'client/not-found') {
          notes.push(`The delete failed uncertainly (${err.code}), but the resource is gone; it was not sent again.`);
          return { notes };
        }
        throw lookErr;
      }
      if (attempt >= max) throw err;
      notes.push(`The delete failed (${err.code}) and the resource is still there; sent again.`);
    }
  }
}
