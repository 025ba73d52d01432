/** Loading components a user already has: compiled IR or kfp v1 YAML, from text, files or URLs (src/load, src/dsl/component-from-text). */
export const LOAD_CODES = {
  'load/not-a-component': 'the text is not a component: not one or two YAML documents, or not compiled IR of a component',
  'load/v1-component': 'a kfp v1 component kfp-ts cannot read (a second document, or a field or placeholder it does not take)',
  'load/declaration-mismatch': "the loaded component's interface differs from the TypeScript declarations given for it",
  'load/unreadable-file': 'the component file could not be read',
  'load/invalid-url': 'the component address is not an http(s) or gs:// URL, or the sha256 given is not 64 hexadecimal digits',
  'load/download-failed': 'the component could not be downloaded (a network error, too many redirects, or an HTTP status other than 200)',
  'load/digest-mismatch': "the downloaded file's SHA-256 is not the one given: the file changed",
} as const;
