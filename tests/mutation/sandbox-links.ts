/**
 * StrykerJS runs the tests in a copy of the repository, `.stryker-tmp/sandbox-<id>/`, made without
 * the venv (a symlink) and without `../shared` beside it. This global setup of the mutation run
 * links both from the checkout the copy was made from, so the tests find them where they always do.
 */
import { existsSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { REPO } from '../support/repo.ts';

export default function setup(): void {
  const tempDir = path.dirname(REPO);
  if (path.basename(tempDir) !== '.stryker-tmp') return;
  const origin = path.dirname(tempDir);
  const links: [link: string, target: string][] = [
    [path.join(REPO, '.venv'), path.join(origin, '.venv')],
    [path.join(tempDir, 'shared'), path.resolve(origin, '..', 'shared')],
  ];
  for (const [link, target] of links) if (!existsSync(link) && existsSync(target)) symlinkSync(target, link);
}
