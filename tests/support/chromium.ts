import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

/** Debian's headless Chromium; the tests fail with the install command when it is missing. */
export function chromiumPath(): string {
  const found = CANDIDATES.find((p) => existsSync(p));
  if (!found) throw new Error('headless Chromium is needed: apt-get update && apt-get install -y chromium');
  return found;
}

export interface RenderOptions {
  /**
   * A JavaScript expression, evaluated in the page until it is true: the DOM is read then (the
   * page's scripts have done what the test waits for, rather than after a fixed time).
   */
  readonly until: string;
  readonly windowSize?: readonly [number, number];
  /** Take a PNG screenshot of the window into this file as well, once `until` holds. */
  readonly screenshot?: string;
}

/** One headless Chromium that renders many pages, each in a context of its own. */
export interface HeadlessChromium {
  /** Loads `url` in a fresh page and returns its DOM (as `chromium --dump-dom` prints it) once `until` holds. */
  render(url: string, options: RenderOptions): Promise<string>;
  close(): Promise<void>;
}

/** How long a page may take to reach `until`; a page that never does fails its test with this error. */
const PAGE_TIMEOUT_MS = 180_000;

/**
 * Starts Debian's Chromium headless, with no network (every host name resolves to nothing), driven
 * over the DevTools protocol by playwright-core, which downloads nothing: pages share one browser
 * process instead of starting one each.
 */
export async function launchChromium(): Promise<HeadlessChromium> {
  const browser: Browser = await chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-dev-shm-usage',
      '--hide-scrollbars',
      '--host-resolver-rules=MAP * ~NOTFOUND',
    ],
  });
  return {
    async render(url, options) {
      const [width, height] = options.windowSize ?? [1400, 1000];
      const page = await browser.newPage({ viewport: { width, height }, deviceScaleFactor: 1 });
      try {
        await page.goto(url);
        await page.waitForFunction(options.until, undefined, { timeout: PAGE_TIMEOUT_MS, polling: 50 }).catch((err: Error) => {
          throw new Error(`${url} never reached \`${options.until}\`: ${err.message.split('\n')[0]}`);
        });
        if (options.screenshot) await page.screenshot({ path: options.screenshot });
        return await page.content();
      } finally {
        await page.context().close();
      }
    },
    close: () => browser.close(),
  };
}
