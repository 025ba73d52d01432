import { randomBytes } from 'node:crypto';

/**
 * A multipart/form-data body with one file part — the shape of KFP's upload endpoints (field
 * `uploadfile`). The server picks the parser by the part's filename suffix (.yaml/.yml/.json, or
 * zip/tar.gz by magic bytes), so the filename always ends in .yaml.
 */
export interface MultipartBody {
  readonly body: Uint8Array;
  readonly contentType: string;
}

export function multipartFile(field: string, filename: string, content: Uint8Array, boundary?: string): MultipartBody {
  const b = boundary ?? `kfp-ts-${randomBytes(12).toString('hex')}`;
  const safeName = filename.replace(/["\r\n\\]/g, '_');
  const head = Buffer.from(
    `--${b}\r\nContent-Disposition: form-data; name="${field}"; filename="${safeName}"\r\nContent-Type: application/x-yaml\r\n\r\n`,
    'utf8',
  );
  const tail = Buffer.from(`\r\n--${b}--\r\n`, 'utf8');
  return { body: Buffer.concat([head, content, tail]), contentType: `multipart/form-data; boundary=${b}` };
}
