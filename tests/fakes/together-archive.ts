/**
 * What the Together fake serves from `GET /finetune/download`: a tar archive (POSIX ustar) of the
 * adapter's files, Zstandard-framed (`.tar.zst`, what Together's clients save). Written here by hand,
 * independently of the app (which reads archives with nanotar and fzstd): a ustar writer, a zstd
 * frame of raw (stored) blocks — valid Zstandard that any decoder must accept (RFC 8878 §3.1.1) —
 * and a tiny safetensors file.
 */

const encoder = new TextEncoder();

function octal(value: number, width: number): string {
  return `${value.toString(8).padStart(width - 1, "0")}\0`;
}

function header(name: string, size: number, type: "0" | "5", mtime: number): Uint8Array {
  const h = new Uint8Array(512);
  const put = (text: string, at: number) => h.set(encoder.encode(text), at);
  put(name, 0);
  put(octal(type === "5" ? 0o755 : 0o644, 8), 100);
  put(octal(0, 8), 108);
  put(octal(0, 8), 116);
  put(octal(size, 12), 124);
  put(octal(Math.floor(mtime / 1000), 12), 136);
  put("        ", 148); // the checksum counts its own field as spaces
  put(type, 156);
  put("ustar\0", 257);
  put("00", 263);
  put("together", 265);
  put("together", 297);
  const sum = h.reduce((a, b) => a + b, 0);
  put(`${sum.toString(8).padStart(6, "0")}\0 `, 148);
  return h;
}

/** A ustar archive: `dir/` then `dir/<name>` for each file. */
export function tar(dir: string, files: { name: string; data: Uint8Array }[], mtime: number): Uint8Array {
  const parts: Uint8Array[] = [header(`${dir}/`, 0, "5", mtime)];
  for (const f of files) {
    parts.push(header(`${dir}/${f.name}`, f.data.byteLength, "0", mtime), f.data);
    const pad = (512 - (f.data.byteLength % 512)) % 512;
    if (pad) parts.push(new Uint8Array(pad));
  }
  parts.push(new Uint8Array(1024));
  return concat(parts);
}

const MAX_BLOCK = 128 * 1024;

/** A single Zstandard frame holding `data` in raw blocks (no compression, content size declared). */
export function zstdStored(data: Uint8Array): Uint8Array {
  const head = new Uint8Array(4 + 1 + 8);
  const view = new DataView(head.buffer);
  view.setUint32(0, 0xfd2fb528, true); // magic 28 B5 2F FD
  head[4] = (3 << 6) | (1 << 5); // Frame_Content_Size_flag 3 (8 bytes), Single_Segment_flag
  view.setBigUint64(5, BigInt(data.byteLength), true);
  const parts: Uint8Array[] = [head];
  let at = 0;
  do {
    const size = Math.min(MAX_BLOCK, data.byteLength - at);
    const last = at + size >= data.byteLength ? 1 : 0;
    const blockHeader = (size << 3) | (0 << 1) | last; // Block_Type 0 = Raw_Block
    parts.push(new Uint8Array([blockHeader & 0xff, (blockHeader >> 8) & 0xff, (blockHeader >> 16) & 0xff]));
    parts.push(data.subarray(at, at + size));
    at += size;
  } while (at < data.byteLength);
  return concat(parts);
}

/** A safetensors file of F32 tensors (header JSON padded with spaces to 8 bytes). */
export function safetensorsF32(tensors: Record<string, { shape: number[]; values: number[] }>): Uint8Array {
  const headerJson: Record<string, unknown> = { __metadata__: { format: "pt" } };
  const data: number[] = [];
  for (const [name, t] of Object.entries(tensors)) {
    headerJson[name] = { dtype: "F32", shape: t.shape, data_offsets: [data.length * 4, (data.length + t.values.length) * 4] };
    data.push(...t.values);
  }
  let json = JSON.stringify(headerJson);
  json += " ".repeat((8 - (json.length % 8)) % 8);
  const out = new Uint8Array(8 + json.length + data.length * 4);
  const view = new DataView(out.buffer);
  view.setBigUint64(0, BigInt(json.length), true);
  out.set(encoder.encode(json), 8);
  for (const [i, v] of data.entries()) view.setFloat32(8 + json.length + i * 4, v, true);
  return out;
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.byteLength, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.byteLength;
  }
  return out;
}
