import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

/** Debian's headless Chromium; the tests fail with the install command when it is missing. */
export function chromiumPath(): string {
  const found = CANDIDATES.find((p) => existsSync(p));
  if (!found) throw new Error('headless Chromium is needed: apt-get update && apt-get install -y chromium');
  return found;
}

export interface RenderOptions {
  readonly windowSize?: readonly [number, number];
  /** Take a PNG screenshot of the window into this file as well. */
  readonly screenshot?: string;
}

/**
 * Loads a page in headless Chromium with no network (every host name resolves to nothing) and
 * returns the DOM after its scripts ran (`--virtual-time-budget` lets timers and promises settle).
 */
export function renderPage(url: string, options: RenderOptions = {}): string {
  const [width, height] = options.windowSize ?? [1400, 1000];
  const profile = mkdtempSync(path.join(tmpdir(), 'kfp-ts-chromium-'));
  const common = [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-dev-shm-usage',
    '--hide-scrollbars',
    '--host-resolver-rules=MAP * ~NOTFOUND',
    `--user-data-dir=${profile}`,
    `--window-size=${width},${height}`,
    '--force-device-scale-factor=1',
    '--virtual-time-budget=30000',
  ];
  try {
    const dom = spawnSync(chromiumPath(), [...common, '--dump-dom', url], { encoding: 'utf8', timeout: 180_000, maxBuffer: 256 * 1024 * 1024 });
    if (dom.status !== 0 || !dom.stdout.includes('<html')) throw new Error(`chromium --dump-dom ${url} failed (${dom.status}):\n${dom.stderr.slice(-3000)}`);
    if (options.screenshot) {
      const shot = spawnSync(chromiumPath(), [...common, `--screenshot=${options.screenshot}`, url], { encoding: 'utf8', timeout: 180_000 });
      if (shot.status !== 0 || !existsSync(options.screenshot)) throw new Error(`chromium --screenshot failed (${shot.status}):\n${shot.stderr.slice(-3000)}`);
    }
    return dom.stdout;
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}
