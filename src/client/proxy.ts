/**
 * Proxy selection with the conventions of curl and most HTTP clients: `httpProxy` for http://
 * targets, `httpsProxy` for https:// targets, and a `noProxy` list of hosts that go direct. The
 * library takes these as options; the CLI fills them from HTTP_PROXY / HTTPS_PROXY / NO_PROXY.
 */
export interface ProxyOptions {
  readonly httpProxy?: string;
  readonly httpsProxy?: string;
  /** Comma-separated: `*`, `host`, `.domain`, `domain` (matches subdomains too), `host:port`, IP literals. */
  readonly noProxy?: string;
}

export function selectProxy(target: URL, options: ProxyOptions | undefined): URL | undefined {
  if (options === undefined) return undefined;
  const raw = target.protocol === 'https:' ? options.httpsProxy : options.httpProxy;
  if (raw === undefined || raw.trim() === '') return undefined;
  if (bypassesProxy(target, options.noProxy)) return undefined;
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(raw) ? raw : `http://${raw}`;
  return new URL(withScheme);
}

export function bypassesProxy(target: URL, noProxy: string | undefined): boolean {
  if (noProxy === undefined) return false;
  const host = stripBrackets(target.hostname.toLowerCase());
  const port = target.port || (target.protocol === 'https:' ? '443' : '80');
  for (const rawEntry of noProxy.split(',')) {
    const entry = rawEntry.trim().toLowerCase();
    if (entry === '') continue;
    if (entry === '*') return true;
    let entryHost = entry;
    let entryPort: string | undefined;
    const portMatch = /^(.*):(\d+)$/.exec(entry);
    if (portMatch && !entry.includes('::')) {
      entryHost = portMatch[1] ?? entry;
      entryPort = portMatch[2];
    }
    entryHost = stripBrackets(entryHost.replace(/^\*?\./, '.'));
    if (entryPort !== undefined && entryPort !== port) continue;
    if (entryHost.startsWith('.')) {
      if (host.endsWith(entryHost) || host === entryHost.slice(1)) return true;
    } else if (host === entryHost || host.endsWith(`.${entryHost}`)) {
      return true;
    }
  }
  return false;
}

function stripBrackets(host: string): string {
  return host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
}
