/**
 * `npm pack` / `npm publish` ship package.json as it is on disk after `prepack`. The `prepare`
 * script builds dist/ in a clone of this repository (`npm ci`); in the package it would be an
 * install script that cannot run (npm runs `prepare` for tarball and git installs, and lists it
 * among the scripts a user must approve), so `prepack` runs `strip` and `postpack` runs `restore`.
 *
 * Usage: pack-manifest.ts strip | restore
 */
import { existsSync } from 'node:fs';
import { readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const MANIFEST = path.join(REPO, 'package.json');
const SAVED = path.join(REPO, '.package.json.before-pack');

/** The scripts that only make sense in a clone of the repository. */
const DEV_ONLY_LIFECYCLE = ['prepare'];

const action = process.argv[2];
if (action === 'strip') {
  if (existsSync(SAVED)) throw new Error(`${SAVED} exists: a previous pack did not finish; run \`node --import tsx scripts/pack-manifest.ts restore\` first`);
  const text = await readFile(MANIFEST, 'utf8');
  const manifest = JSON.parse(text) as { scripts?: Record<string, string> };
  for (const name of DEV_ONLY_LIFECYCLE) delete manifest.scripts?.[name];
  await writeFile(SAVED, text);
  await writeFile(MANIFEST, `${JSON.stringify(manifest, null, 2)}\n`);
} else if (action === 'restore') {
  if (existsSync(SAVED)) await rename(SAVED, MANIFEST);
} else {
  throw new Error('usage: pack-manifest.ts strip | restore');
}
