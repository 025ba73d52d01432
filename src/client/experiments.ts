import { backoffDelay } from './retry.ts';
import { isKfpError } from './errors.ts';
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
