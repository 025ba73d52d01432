/**
 * A tar archive laid out as Python's `tarfile` writes it (PAX format, kfp's default): 512-byte
 * ustar headers, a pax `path`/`linkpath` record before a member whose name is not ASCII or is
 * longer than the ustar field, the data padded to 512 bytes, two zero blocks, and the whole
 * padded to a 10240-byte record. Owner, group and time are fixed (0, '', 0) so the same files
 * give the same bytes on every machine; kfp copies them from the compiling machine instead.
 */

const BLOCK = 512;
const RECORD = 10240;

export type TarMember =
  | { readonly type: 'file'; readonly name: string; readonly bytes: Uint8Array; readonly mode: number }
  | { readonly type: 'dir'; readonly name: string; readonly mode: number }
  | { readonly type: 'symlink'; readonly name: string; readonly target: string; readonly mode: number };

const encoder = new TextEncoder();

function isAscii(s: string): boolean {
  return /^[\x00-\x7f]*$/.test(s);
}

/** `tarfile.stn`: the ASCII form ('?' for anything else), cut to the field, NUL-padded. */
function stringField(s: string, length: number): Uint8Array {
  const out = new Uint8Array(length);
  const ascii = [...s].map((c) => (c.codePointAt(0)! < 0x80 ? c.charCodeAt(0) : 0x3f));
  out.set(ascii.slice(0, length));
  return out;
}

/** `tarfile.itn`: zero-padded octal digits and a NUL. */
function numberField(n: number, length: number): Uint8Array {
  return encoder.encode(n.toString(8).padStart(length - 1, '0') + '\0');
}

function header(fields: { name: string; mode: number; size: number; type: string; linkname?: string }): Uint8Array {
  const parts = [
    stringField(fields.name, 100),
    numberField(fields.mode & 0o7777, 8),
    numberField(0, 8), // uid
    numberField(0, 8), // gid
    numberField(fields.size, 12),
    numberField(0, 12), // mtime
    encoder.encode('        '), // checksum, computed below
    encoder.encode(fields.type),
    stringField(fields.linkname ?? '', 100),
    encoder.encode('ustar\x0000'),
    stringField('', 32), // uname
    stringField('', 32), // gname
    new Uint8Array(8), // devmajor: only devices have one
    new Uint8Array(8), // devminor
    stringField('', 155), // prefix
  ];
  const block = new Uint8Array(BLOCK);
  let at = 0;
  for (const p of parts) {
    block.set(p, at);
    at += p.length;
  }
  const sum = block.reduce((a, b) => a + b, 0);
  block.set(encoder.encode(sum.toString(8).padStart(6, '0') + '\0'), 148);
  return block;
}

/** A pax record, `"<len> <key>=<value>\n"`, whose length counts its own digits. */
function paxRecord(key: string, value: string): Uint8Array {
  const body = encoder.encode(` ${key}=${value}\n`);
  let len = body.length;
  while (String(len).length + body.length !== len) len = String(len).length + body.length;
  return new Uint8Array([...encoder.encode(String(len)), ...body]);
}

function padded(data: Uint8Array): Uint8Array {
  const out = new Uint8Array(Math.ceil(data.length / BLOCK) * BLOCK);
  out.set(data);
  return out;
}

function memberBlocks(m: TarMember): Uint8Array[] {
  const name = m.type === 'dir' && !m.name.endsWith('/') ? `${m.name}/` : m.name;
  const linkname = m.type === 'symlink' ? m.target : '';
  const pax: Uint8Array[] = [];
  // In the order tarfile tests the fields: name, then linkname.
  if (!isAscii(name) || name.length > 100) pax.push(paxRecord('path', name));
  if (!isAscii(linkname) || linkname.length > 100) pax.push(paxRecord('linkpath', linkname));
  const blocks: Uint8Array[] = [];
  if (pax.length) {
    const records = new Uint8Array(pax.reduce((n, r) => n + r.length, 0));
    let at = 0;
    for (const r of pax) {
      records.set(r, at);
      at += r.length;
    }
    blocks.push(header({ name: '././@PaxHeader', mode: 0, size: records.length, type: 'x' }), padded(records));
  }
  const size = m.type === 'file' ? m.bytes.length : 0;
  blocks.push(header({ name, mode: m.mode, size, type: m.type === 'file' ? '0' : m.type === 'dir' ? '5' : '2', linkname }));
  if (m.type === 'file') blocks.push(padded(m.bytes));
  return blocks;
}

/** The archive of `members`, in order. */
export function tarArchive(members: readonly TarMember[]): Uint8Array {
  const blocks = members.flatMap(memberBlocks);
  const used = blocks.reduce((n, b) => n + b.length, 0) + 2 * BLOCK;
  const out = new Uint8Array(Math.ceil(used / RECORD) * RECORD);
  let at = 0;
  for (const b of blocks) {
    out.set(b, at);
    at += b.length;
  }
  return out;
}
