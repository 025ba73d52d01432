import { diagnostic, type Diagnostic } from '../diagnostics.ts';

/**
 * Where the first ill-formed UTF-8 sequence starts (Unicode Table 3-7, as Python's decoder reads
 * it: its UnicodeDecodeError.start), or -1 when the bytes are well-formed.
 */
function firstInvalidByte(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i]!;
    if (lead < 0x80) {
      i++;
      continue;
    }
    // The continuation count and the range of the second byte (which excludes overlong forms,
    // UTF-16 surrogates and code points above U+10FFFF); later bytes are 0x80-0xBF.
    const [count, low, high] =
      lead >= 0xc2 && lead <= 0xdf ? [1, 0x80, 0xbf]
      : lead === 0xe0 ? [2, 0xa0, 0xbf]
      : lead === 0xed ? [2, 0x80, 0x9f]
      : lead >= 0xe1 && lead <= 0xef ? [2, 0x80, 0xbf]
      : lead === 0xf0 ? [3, 0x90, 0xbf]
      : lead === 0xf4 ? [3, 0x80, 0x8f]
      : lead >= 0xf1 && lead <= 0xf3 ? [3, 0x80, 0xbf]
      : [0, 0, 0];
    if (count === 0) return i;
    for (let k = 1; k <= count; k++) {
      const byte = bytes[i + k];
      if (byte === undefined || byte < (k === 1 ? low : 0x80) || byte > (k === 1 ? high : 0xbf)) return i;
    }
    i += count + 1;
  }
  return -1;
}

// Fatal: refuses what Node's Buffer would turn into U+FFFD; ignoreBOM: a BOM stays in the text.
const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * The file's text, or where it stops being UTF-8: kfp reads pipeline files as UTF-8 text, and Node
 * would silently turn each bad byte into U+FFFD, which validates.
 */
export function decodeUtf8(bytes: Uint8Array, file?: string): { text: string } | { problem: Diagnostic } {
  // The native decoder checks well-formed files (nearly all); the byte walk only locates the problem.
  try {
    return { text: STRICT_UTF8.decode(bytes) };
  } catch {
    // Located below.
  }
  const bad = firstInvalidByte(bytes);
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < bad; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  return {
    problem: diagnostic(
      'yaml/not-utf8',
      `line ${line}, byte ${bad - lineStart + 1}`,
      `The file is not UTF-8 text: byte 0x${bytes[bad]!.toString(16)} at offset ${bad} starts no UTF-8 character. kfp and the API server read pipeline files as UTF-8; save it as UTF-8.`,
      file,
    ),
  };
}
