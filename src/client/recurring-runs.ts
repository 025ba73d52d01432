import { randomBytes } from 'node:crypto';
import { isKfpError } from './errors.ts';
import { equalsFilter } from './filters.ts';
import type { CreateRecurringRunRequest, KfpClient } from './kfp-client.ts';
import { backoffDelay } from './retry.ts';
import type { RecurringRun } from './schemas.ts';

/** The recurring run {@link createRecurringRun} created, and notes about how (e.g. found after an uncertain create). */
export interface CreateRecurringRunResult {
  readonly recurringRun: RecurringRun;
  readonly notes: readonly string[];
}

/**
 * Creates a recurring run without ever creating it twice. Names are not unique, so the description
 * carries a random submission id (as `submitRun` does for runs); when the create fails in a way
 * that may hide success, the experiment's recurring runs of that name are listed and the one with
 * this id, if any, is the result.
 *
 * @example
 * const { recurringRun } = await createRecurringRun(kfp, {
 *   display_name: 'nightly', experiment_id, pipeline_spec, mode: 'ENABLE', max_concurrency: 1,
 *   trigger: { cron_schedule: { cron: '0 0 2 * * *' } },
 * });
 */
export async function createRecurringRun(kfp: KfpClient, req: CreateRecurringRunRequest, submissionId: string = randomBytes(8).toString('hex')): Promise<CreateRecurringRunResult> {
  const marker = `kfp-ts submission ${submissionId}`;
  const description = req.description === undefined || req.description === '' ? marker : `${req.description}\n\n${marker}`;
  const body: CreateRecurringRunRequest = { ...req, description };
  const notes: string[] = [];
  const max = kfp.http.retry.maxAttempts;
  for (let attempt = 1; ; attempt++) {
    try {
      return { recurringRun: await kfp.recurringRuns.create(body), notes };
    } catch (err) {
      if (!(isKfpError(err) && err.uncertain)) throw err;
      await kfp.http.sleep(backoffDelay(attempt, kfp.http.retry));
      const listed = await kfp.recurringRuns.list({
        filter: equalsFilter('display_name', req.display_name),
        sortBy: 'created_at desc',
        pageSize: 50,
        ...(req.experiment_id !== undefined ? { experimentId: req.experiment_id } : {}),
      });
      const mine = (listed.recurringRuns ?? []).find((r) => r.description === description);
      if (mine !== undefined) {
        notes.push(`CreateRecurringRun failed uncertainly (${err.code}) but the recurring run had been created; it was not submitted again.`);
        return { recurringRun: mine, notes };
      }
      if (attempt >= max) throw err;
      notes.push(`CreateRecurringRun failed (${err.code}) and no recurring run was created; submitted again.`);
    }
  }
}
