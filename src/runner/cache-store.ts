/**
 * The local execution cache: one entry per fingerprint (the backend keeps the newest task per
 * fingerprint and pipeline), under `<pipeline root>/.cache/`. An entry holds the outputs of the
 * task that produced it; a hit hands those outputs on, artifacts unchanged. An entry whose
 * artifact files are gone (the run directory was deleted) is no hit.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { TaskOutputs } from './model.ts';

export interface CacheEntry {
  readonly fingerprint: string;
  readonly pipelineName: string;
  readonly runId: string;
  readonly taskPath: string;
  readonly createdAt: string;
  readonly outputs: TaskOutputs;
}

export class CacheStore {
  constructor(private readonly dir: string) {}

  private file(fingerprint: string, pipelineName: string): string {
    // The backend scopes the cache to the pipeline (and namespace).
    return path.join(this.dir, `${encodeURIComponent(pipelineName)}.${fingerprint}.json`);
  }

  async lookup(fingerprint: string, pipelineName: string): Promise<CacheEntry | undefined> {
    let entry: CacheEntry;
    try {
      entry = JSON.parse(await readFile(this.file(fingerprint, pipelineName), 'utf8')) as CacheEntry;
    } catch {
      return undefined;
    }
    const files = Object.values(entry.outputs.artifacts).flat();
    if (files.some((a) => path.isAbsolute(a.uri) && !existsSync(a.uri) && !existsSync(path.dirname(a.uri)))) return undefined;
    return entry;
  }

  async store(entry: CacheEntry): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    const target = this.file(entry.fingerprint, entry.pipelineName);
    const tmp = `${target}.${process.pid}.tmp`;
    await writeFile(tmp, JSON.stringify(entry, null, 2));
    await rename(tmp, target);
  }
}
