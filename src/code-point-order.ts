/**
 * Python's and Go's order of strings, by code point (Go compares UTF-8 bytes, which is the same
 * order): what kfp's files are sorted by (PyYAML's `sort_keys`, `json.dumps(sort_keys=True)`,
 * `sorted()`) and the backend's JSON (encoding/json's map keys, sort.Strings). JavaScript's `<` and `sort()` compare
 * UTF-16 code units instead, which puts a character past U+FFFF (a surrogate pair, D800–DFFF)
 * before U+E000–U+FFFF; elsewhere the two orders agree.
 */
export function compareCodePoints(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    const xAstral = isSurrogate(x);
    if (xAstral !== isSurrogate(y)) return xAstral ? 1 : -1;
    return x - y;
  }
  return a.length - b.length;
}

function isSurrogate(unit: number): boolean {
  return unit >= 0xd800 && unit <= 0xdfff;
}
