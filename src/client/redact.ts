/**
 * Secrets (bearer tokens, session cookies, proxy passwords) must never reach output, logs or error
 * messages. Messages are built without them, and as a second line of defence every text that
 * leaves the client — including bodies a server or proxy echoes back — passes through a Redactor
 * that knows the current secret values.
 */
export class Redactor {
  readonly #secrets = new Set<string>();

  /** Registers a value to hide. Very short values are ignored: masking "a" would mangle every message. */
  add(secret: string | undefined): void {
    if (secret === undefined) return;
    const s = secret.trim();
    if (s.length >= 4) this.#secrets.add(s);
    // A cookie header "name=value; other=v2" also hides each value on its own.
    for (const part of s.split(';')) {
      const eq = part.indexOf('=');
      const value = eq >= 0 ? part.slice(eq + 1).trim() : '';
      if (value.length >= 4) this.#secrets.add(value);
    }
  }

  redact(text: string): string {
    let out = text;
    // Longest first, so a secret that contains another is replaced whole.
    const secrets = [...this.#secrets].sort((a, b) => b.length - a.length);
    for (const s of secrets) out = out.split(s).join('[redacted]');
    for (const s of secrets) {
      const encoded = encodeURIComponent(s);
      if (encoded !== s) out = out.split(encoded).join('[redacted]');
    }
    return out;
  }
}

/** Shows a URL without user:password, for messages about hosts and proxies. */
export function displayUrl(url: URL | string): string {
  let u: URL;
  try {
    u = new URL(String(url));
  } catch {
    return '<invalid URL>';
  }
  if (u.username || u.password) {
    u.username = u.username ? '***' : '';
    u.password = '';
  }
  return u.toString();
}
