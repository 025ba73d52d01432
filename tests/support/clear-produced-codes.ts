/** Global setup: each vitest run starts with no recorded diagnostic codes (see record-diagnostics.ts). */
import { rmSync } from 'node:fs';
import path from 'node:path';
import { PRODUCED_CODES_DIR } from './produced-codes.ts';
import { REPO } from './repo.ts';

export default function setup(): void {
  rmSync(path.join(REPO, PRODUCED_CODES_DIR), { recursive: true, force: true });
}
