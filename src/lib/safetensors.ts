/**
 * A safetensors writer (https://github.com/huggingface/safetensors, "Format"): the bytes are
 *
 *   [8 bytes: N, u64 little-endian] [N bytes: JSON header] [tensor data]
 *
 * where the header maps each tensor name to `{dtype, shape, data_offsets: [begin, end]}` (offsets
 * count from the first byte after the header) plus an optional `"__metadata__"` of string values.
 * Data is little-endian and contiguous; the header is padded with spaces to a multiple of 8 so the
 * data starts aligned. No npm package writes the format (library-notes-platform §12), hence this.
 *
 * Pure: no I/O, the same input always gives the same bytes (tensors are laid out in name order).
 */

export type SafetensorsDtype = "F64" | "F32" | "F16" | "BF16" | "I64" | "I32" | "I16" | "I8" | "U8" | "BOOL";

/** Bytes per element of each dtype. */
export const DTYPE_BYTES: Readonly<Record<SafetensorsDtype, number>> = {
  F64: 8,
  F32: 4,
  F16: 2,
  BF16: 2,
  I64: 8,
  I32: 4,
  I16: 2,
  I8: 1,
  U8: 1,
  BOOL: 1,
};

/**
 * One tensor: its values as numbers (encoded here, little-endian, whatever the platform), or its
 * raw little-endian bytes when they are already encoded.
 */
export type TensorInput =
  | { dtype: SafetensorsDtype; shape: readonly number[]; values: ArrayLike<number> | readonly bigint[] }
  | { dtype: SafetensorsDtype; shape: readonly number[]; bytes: Uint8Array };

export interface SafetensorsHeaderEntry {
  dtype: SafetensorsDtype;
  shape: number[];
  data_offsets: [number, number];
}

const METADATA_KEY = "__metadata__";

/** Elements in a tensor of this shape (1 for a scalar, shape `[]`). */
export function elementCount(shape: readonly number[]): number {
  return shape.reduce((n, d) => n * d, 1);
}

const f32 = new Float32Array(1);
const u32 = new Uint32Array(f32.buffer);

/** The bfloat16 bits of `x`: the float32's top half, rounded to nearest even (NaN stays NaN). */
export function toBf16Bits(x: number): number {
  f32[0] = x;
  const bits = u32[0]!;
  if (Number.isNaN(x)) return 0x7fc0;
  return ((bits + 0x7fff + ((bits >>> 16) & 1)) >>> 16) & 0xffff;
}

/** The IEEE 754 half-precision bits of `x`, rounded to nearest even; overflow → ±Infinity. */
export function toF16Bits(x: number): number {
  f32[0] = x;
  const bits = u32[0]!;
  const sign = (bits >>> 16) & 0x8000;
  const exp = (bits >>> 23) & 0xff;
  let mant = bits & 0x7fffff;
  if (exp === 0xff) return sign | 0x7c00 | (mant ? 0x200 : 0);
  let e = exp - 127 + 15;
  if (e >= 0x1f) return sign | 0x7c00;
  if (e <= 0) {
    // Subnormal half (or zero): shift the implicit 1 in, then round.
    if (e < -10) return sign;
    mant |= 0x800000;
    const shift = 14 - e;
    let half = mant >>> shift;
    const rest = mant & ((1 << shift) - 1);
    const midpoint = 1 << (shift - 1);
    if (rest > midpoint || (rest === midpoint && half & 1)) half++;
    return sign | half;
  }
  let half = (e << 10) | (mant >>> 13);
  const rest = mant & 0x1fff;
  if (rest > 0x1000 || (rest === 0x1000 && half & 1)) half++;
  // Rounding may carry into the exponent (up to Infinity), which is the right answer.
  e = half >>> 10;
  return sign | (e >= 0x1f ? 0x7c00 : half);
}

function encodeValues(dtype: SafetensorsDtype, values: ArrayLike<number> | readonly bigint[]): Uint8Array {
  const out = new Uint8Array(values.length * DTYPE_BYTES[dtype]);
  const view = new DataView(out.buffer);
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (dtype === "I64") {
      view.setBigInt64(i * 8, typeof v === "bigint" ? v : BigInt(Math.trunc(v)), true);
      continue;
    }
    const n = Number(v);
    switch (dtype) {
      case "F64":
        view.setFloat64(i * 8, n, true);
        break;
      case "F32":
        view.setFloat32(i * 4, n, true);
        break;
      case "F16":
        view.setUint16(i * 2, toF16Bits(n), true);
        break;
      case "BF16":
        view.setUint16(i * 2, toBf16Bits(n), true);
        break;
      case "I32":
        view.setInt32(i * 4, n, true);
        break;
      case "I16":
        view.setInt16(i * 2, n, true);
        break;
      case "I8":
        view.setInt8(i, n);
        break;
      case "U8":
        view.setUint8(i, n);
        break;
      case "BOOL":
        view.setUint8(i, n ? 1 : 0);
        break;
    }
  }
  return out;
}

function tensorBytes(name: string, tensor: TensorInput): Uint8Array {
  if (!(tensor.dtype in DTYPE_BYTES)) throw new Error(`Tensor "${name}": unknown dtype ${String(tensor.dtype)}`);
  if (!tensor.shape.every((d) => Number.isInteger(d) && d >= 0)) {
    throw new Error(`Tensor "${name}": shape must be non-negative integers, got [${tensor.shape.join(", ")}]`);
  }
  const bytes = "bytes" in tensor ? tensor.bytes : encodeValues(tensor.dtype, tensor.values);
  const expected = elementCount(tensor.shape) * DTYPE_BYTES[tensor.dtype];
  if (bytes.byteLength !== expected) {
    throw new Error(
      `Tensor "${name}": shape [${tensor.shape.join(", ")}] of ${tensor.dtype} needs ${expected} bytes, got ${bytes.byteLength}`,
    );
  }
  return bytes;
}

/**
 * The safetensors file holding these tensors (and `metadata`, string values only, as the format
 * requires). Throws when a tensor's data does not match its shape and dtype.
 */
export function encodeSafetensors(tensors: Readonly<Record<string, TensorInput>>, metadata?: Record<string, string>): Uint8Array {
  const names = Object.keys(tensors).sort();
  const header: Record<string, SafetensorsHeaderEntry | Record<string, string>> = {};
  if (metadata && Object.keys(metadata).length) {
    for (const [k, v] of Object.entries(metadata)) {
      if (typeof v !== "string") throw new Error(`Metadata "${k}": values must be strings`);
    }
    header[METADATA_KEY] = { ...metadata };
  }
  const chunks: Uint8Array[] = [];
  let offset = 0;
  for (const name of names) {
    if (name === METADATA_KEY || name === "") throw new Error(`Invalid tensor name "${name}"`);
    const tensor = tensors[name]!;
    const bytes = tensorBytes(name, tensor);
    header[name] = { dtype: tensor.dtype, shape: [...tensor.shape], data_offsets: [offset, offset + bytes.byteLength] };
    chunks.push(bytes);
    offset += bytes.byteLength;
  }

  const json = new TextEncoder().encode(JSON.stringify(header));
  const headerLength = Math.ceil(json.byteLength / 8) * 8;
  const out = new Uint8Array(8 + headerLength + offset);
  new DataView(out.buffer).setBigUint64(0, BigInt(headerLength), true);
  out.set(json, 8);
  out.fill(0x20, 8 + json.byteLength, 8 + headerLength);
  let at = 8 + headerLength;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.byteLength;
  }
  return out;
}
