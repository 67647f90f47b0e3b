/**
 * A minimal safetensors reader written from the format's description, independently of
 * src/lib/safetensors.ts, so tests check the writer's bytes against the format rather than against
 * itself. It checks what a loader relies on: the u64 LE header length within the file, a JSON header
 * of `{dtype, shape, data_offsets}` entries (plus `__metadata__` of strings), offsets that tile the
 * data section exactly, in order, with no gap, no overlap and nothing left over, and each tensor's
 * byte length = product(shape) × dtype size. Throws with the reason otherwise.
 */
const SIZES: Record<string, number> = { F64: 8, F32: 4, F16: 2, BF16: 2, I64: 8, I32: 4, I16: 2, I8: 1, U8: 1, BOOL: 1 };

export interface ReadTensor {
  dtype: string;
  shape: number[];
  values: number[];
}

function half(bits: number): number {
  const sign = bits & 0x8000 ? -1 : 1;
  const exp = (bits >> 10) & 0x1f;
  const frac = bits & 0x3ff;
  if (exp === 0) return sign * frac * 2 ** -24;
  if (exp === 31) return frac ? Number.NaN : sign * Number.POSITIVE_INFINITY;
  return sign * (1 + frac / 1024) * 2 ** (exp - 15);
}

function value(view: DataView, at: number, dtype: string): number {
  switch (dtype) {
    case "F64":
      return view.getFloat64(at, true);
    case "F32":
      return view.getFloat32(at, true);
    case "F16":
      return half(view.getUint16(at, true));
    case "BF16": {
      const wide = new DataView(new ArrayBuffer(4));
      wide.setUint32(0, view.getUint16(at, true) << 16);
      return wide.getFloat32(0);
    }
    case "I64":
      return Number(view.getBigInt64(at, true));
    case "I32":
      return view.getInt32(at, true);
    case "I16":
      return view.getInt16(at, true);
    case "I8":
      return view.getInt8(at);
    default:
      return view.getUint8(at);
  }
}

export function readSafetensors(file: Uint8Array): { metadata?: Record<string, string>; tensors: Record<string, ReadTensor> } {
  if (file.byteLength < 8) throw new Error("shorter than the 8-byte header length");
  const view = new DataView(file.buffer, file.byteOffset, file.byteLength);
  const n = Number(view.getBigUint64(0, true));
  if (8 + n > file.byteLength) throw new Error(`header length ${n} runs past the end of the file`);
  const header: unknown = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(file.subarray(8, 8 + n)));
  if (typeof header !== "object" || header === null || Array.isArray(header)) throw new Error("header is not a JSON object");
  const dataStart = 8 + n;
  const dataLength = file.byteLength - dataStart;
  let metadata: Record<string, string> | undefined;
  const entries: { name: string; dtype: string; shape: number[]; begin: number; end: number }[] = [];
  for (const [name, entry] of Object.entries(header)) {
    if (name === "__metadata__") {
      if (typeof entry !== "object" || entry === null || !Object.values(entry).every((v) => typeof v === "string")) {
        throw new Error("__metadata__ must map to strings");
      }
      metadata = Object.fromEntries(Object.entries(entry).map(([k, v]) => [k, String(v)]));
      continue;
    }
    const { dtype, shape, data_offsets: offsets } = entry ?? {};
    if (typeof dtype !== "string" || !(dtype in SIZES)) throw new Error(`${name}: unknown dtype ${String(dtype)}`);
    if (!Array.isArray(shape) || !shape.every((d) => Number.isInteger(d) && d >= 0)) throw new Error(`${name}: bad shape`);
    if (!Array.isArray(offsets) || offsets.length !== 2 || !offsets.every(Number.isInteger)) throw new Error(`${name}: bad data_offsets`);
    const [begin, end] = offsets;
    const count = shape.reduce((a: number, d: number) => a * d, 1);
    if (end - begin !== count * SIZES[dtype]!) throw new Error(`${name}: ${end - begin} bytes for ${count} × ${dtype}`);
    entries.push({ name, dtype, shape, begin, end });
  }
  entries.sort((a, b) => a.begin - b.begin);
  let expected = 0;
  for (const e of entries) {
    if (e.begin !== expected) throw new Error(`${e.name}: starts at ${e.begin}, expected ${expected} (gap or overlap)`);
    expected = e.end;
  }
  if (expected !== dataLength) throw new Error(`data section is ${dataLength} bytes, tensors cover ${expected}`);
  const tensors: Record<string, ReadTensor> = {};
  for (const e of entries) {
    const size = SIZES[e.dtype]!;
    const values: number[] = [];
    for (let at = dataStart + e.begin; at < dataStart + e.end; at += size) values.push(value(view, at, e.dtype));
    tensors[e.name] = { dtype: e.dtype, shape: e.shape, values };
  }
  return { ...(metadata ? { metadata } : {}), tensors };
}
