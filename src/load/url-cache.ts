import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The on-disk cache of downloaded component files, addressed by content: each file is stored once
 * under its SHA-256 (`blobs/<hex>`), and each URL remembers which content it last served, with the
 * validators (ETag, Last-Modified) that let a later load ask "changed?" instead of downloading
 * again. A load pinned to a digest is answered from the blob alone, without the network.
 */
export interface UrlRecord {
  readonly url: string;
  readonly sha256: string;
  readonly etag?: string;
  readonly lastModified?: string;
}

export const sha256Hex = (data: Uint8Array | string): string => createHash('sha256').update(data).digest('hex');

function writeAtomic(file: string, data: Uint8Array | string): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  writeFileSync(tmp, data);
  renameSync(tmp, file);
}

const blobFile = (dir: string, hex: string): string => path.join(dir, 'blobs', hex);
const recordFile = (dir: string, url: string): string => path.join(dir, 'urls', `${sha256Hex(url)}.json`);

/** The cached bytes of this digest, if present and intact. */
export function readBlob(dir: string, hex: string): Buffer | undefined {
  try {
    const data = readFileSync(blobFile(dir, hex));
    return sha256Hex(data) === hex ? data : undefined;
  } catch {
    return undefined;
  }
}

export function writeBlob(dir: string, data: Uint8Array): string {
  const hex = sha256Hex(data);
  writeAtomic(blobFile(dir, hex), data);
  return hex;
}

export function readRecord(dir: string, url: string): UrlRecord | undefined {
  try {
    const record = JSON.parse(readFileSync(recordFile(dir, url), 'utf8')) as UrlRecord;
    return record.url === url && typeof record.sha256 === 'string' ? record : undefined;
  } catch {
    return undefined;
  }
}

export function writeRecord(dir: string, record: UrlRecord): void {
  writeAtomic(recordFile(dir, record.url), `${JSON.stringify(record, null, 2)}\n`);
}
