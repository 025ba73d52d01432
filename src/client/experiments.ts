import { backoffDelay } from './retry.ts';
import { KfpError, isKfpError } from './errors.ts';
import type { KfpClient } from './kfp-client.ts';
import type { Experiment } from './schemas.ts';

/** The experiment, and whether {@link ensureExperiment} created it. */
export interface EnsureExperimentResult {
  readonly experiment: Experiment;
  readonly created: boolean;
}

/**
 * Finds the experiment by name (unique per namespace), creating it when missing. A create that
 * fails uncertainly or with 409 is followed by a look-up, not by a second create.
 */
export async function ensureExperiment(kfp: KfpClient, name: string, opts: { readonly namespace?: string; readonly description?: string } = {}): Promise<EnsureExperimentResult> {
  const found = await kfp.findExperimentByName(name, opts.namespace);
  if (found !== undefined) return { experiment: found, created: false };
  const max = kfp.http.retry.maxAttempts;
  for (let attempt = 1; ; attempt++) {
    try {
      const experiment = await kfp.createExperiment({
        display_name: name,
        ...(opts.description !== undefined ? { description: opts.description } : {}),
        ...(opts.namespace !== undefined ? { namespace: opts.namespace } : {}),
      });
      return { experiment, created: true };
    } catch (err) {
      const conflict = isKfpError(err) && err.code === 'client/conflict';
      if (!conflict && !(isKfpError(err) && err.uncertain)) throw err;
      if (!conflict) await kfp.http.sleep(backoffDelay(attempt, kfp.http.retry));
      const again = await kfp.findExperimentByName(name, opts.namespace);
      if (again !== undefined) return { experiment: again, created: !conflict };
      if (conflict || attempt >= max) throw err;
    }
  }
}

/**
 * Creates an experiment that must not exist yet: a 409 is an error naming the one that does. A
 * create that fails uncertainly is followed by a look-up by name, and is sent again only when the
 * experiment is not there.
 *
 * @example
 * const experiment = await createExperiment(kfp, 'nightly', { description: 'CI runs' });
 */
export async function createExperiment(kfp: KfpClient, name: string, opts: { readonly namespace?: string; readonly description?: string } = {}): Promise<EnsureExperimentResult & { readonly notes: readonly string[] }> {
  const notes: string[] = [];
  const max = kfp.http.retry.maxAttempts;
  for (let attempt = 1; ; attempt++) {
    try {
      const experiment = await kfp.experiments.create({
        display_name: name,
        ...(opts.description !== undefined ? { description: opts.description } : {}),
        ...(opts.namespace !== undefined ? { namespace: opts.namespace } : {}),
      });
      return { experiment, created: true, notes };
    } catch (err) {
      if (isKfpError(err) && err.code === 'client/conflict') {
        const existing = await kfp.experiments.findByName(name, opts.namespace);
        throw new KfpError({
          code: 'client/conflict',
          operation: err.operation,
          status: 409,
          ...(err.serverMessage !== undefined ? { serverMessage: err.serverMessage } : {}),
          message: `An experiment named "${name}" already exists${existing ? ` (id ${existing.experiment_id})` : ''}${opts.namespace ? ` in namespace ${opts.namespace}` : ''}; experiment names are unique.`,
        });
      }
      if (!(isKfpError(err) && err.uncertain)) throw err;
      await kfp.http.sleep(backoffDelay(attempt, kfp.http.retry));
      const found = await kfp.experiments.findByName(name, opts.namespace);
      if (found !== undefined) {
        notes.push(`CreateExperiment failed uncertainly (${err.code}) but the experiment exists; it was not created again.`);
        return { experiment: found, created: true, notes };
      }
      if (attempt >= max) throw err;
      notes.push(`CreateExperiment failed (${err.code}) and no experiment was created; sent again.`);
    }
  }
}
