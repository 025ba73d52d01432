import { diagnostic, type Diagnostic } from '../diagnostics.ts';

/**
 * The file's text, or where it stops being UTF-8: kfp reads pipeline files as UTF-8 text, and Node
 * would silently turn each bad byte into U+FFFD, which validates.
 */
export function decodeUtf8(bytes: Uint8Array, file?: string): { text: string } | { problem: Diagnostic } {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const text = buffer.toString('utf8');
  if (!text.includes('\uFFFD')) return { text };
  const again = Buffer.from(text, 'utf8');
  let bad = 0;
  while (bad < buffer.length && bad < again.length && buffer[bad] === again[bad]) bad++;
  if (bad === buffer.length && again.length === buffer.length) return { text };
  let line = 1;
  let lineStart = 0;
  for (let i = buffer.indexOf(10); i !== -1 && i < bad; i = buffer.indexOf(10, i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return {
    problem: diagnostic(
      'yaml/not-utf8',
      `line ${line}, byte ${bad - lineStart + 1}`,
      `The file is not UTF-8 text: byte 0x${buffer[bad]!.toString(16).padStart(2, '0')} at offset ${bad} starts no UTF-8 character. kfp and the API server read pipeline files as UTF-8; save it as UTF-8.`,
      file,
    ),
  };
}
