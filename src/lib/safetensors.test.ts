import { describe, expect, it } from "vitest";
import { encodeSafetensors, toBf16Bits, toF16Bits } from "./safetensors";
import { readSafetensors } from "../../tests/providers/training-safetensors-reader";

describe("encodeSafetensors", () => {
  it("writes the header length, a space-padded JSON header aligned to 8, and contiguous little-endian data", () => {
    const file = encodeSafetensors(
      {
        "b.weight": { dtype: "F32", shape: [2, 3], values: [1, -2, 3.5, 0, 1e-3, 65504] },
        "a.bias": { dtype: "I64", shape: [2], values: [7n, -9n] },
      },
      { format: "pt" },
    );
    const headerLength = Number(new DataView(file.buffer, file.byteOffset).getBigUint64(0, true));
    expect(headerLength % 8).toBe(0);
    const headerText = new TextDecoder().decode(file.subarray(8, 8 + headerLength));
    expect(headerText).toMatch(/^\{.*\} *$/);
    expect(JSON.parse(headerText)).toEqual({
      __metadata__: { format: "pt" },
      "a.bias": { dtype: "I64", shape: [2], data_offsets: [0, 16] },
      "b.weight": { dtype: "F32", shape: [2, 3], data_offsets: [16, 40] },
    });
    expect(file.byteLength).toBe(8 + headerLength + 40);

    const read = readSafetensors(file);
    expect(read.metadata).toEqual({ format: "pt" });
    expect(read.tensors["a.bias"]!.values).toEqual([7, -9]);
    expect(read.tensors["b.weight"]!.values).toEqual([1, -2, 3.5, 0, Math.fround(1e-3), 65504]);
  });

  it("encodes F16 and BF16 with round-to-nearest-even, and raw bytes as given", () => {
    const values = [0, -0, 1, -1.5, 0.1, 65504, 70000, 2 ** -24, 2 ** -25 * 1.5, 3.14];
    const file = encodeSafetensors({
      half: { dtype: "F16", shape: [values.length], values },
      brain: { dtype: "BF16", shape: [values.length], values },
      raw: { dtype: "U8", shape: [2, 2], bytes: new Uint8Array([1, 2, 3, 4]) },
      flag: { dtype: "BOOL", shape: [3], values: [1, 0, 5] },
      scalar: { dtype: "F64", shape: [], values: [Math.PI] },
    });
    const read = readSafetensors(file);
    expect(read.tensors.half!.values).toEqual([0, -0, 1, -1.5, 0.0999755859375, 65504, Infinity, 2 ** -24, 2 ** -24, 3.140625]);
    expect(read.tensors.brain!.values).toEqual([0, -0, 1, -1.5, 0.10009765625, 65536, 70144, 2 ** -24, 2 ** -25 * 1.5, 3.140625]);
    expect(read.tensors.raw!.values).toEqual([1, 2, 3, 4]);
    expect(read.tensors.flag!.values).toEqual([1, 0, 1]);
    expect(read.tensors.scalar).toMatchObject({ shape: [], values: [Math.PI] });
  });

  it("is deterministic and independent of insertion order", () => {
    const a = encodeSafetensors({ x: { dtype: "F32", shape: [1], values: [1] }, y: { dtype: "F32", shape: [1], values: [2] } });
    const b = encodeSafetensors({ y: { dtype: "F32", shape: [1], values: [2] }, x: { dtype: "F32", shape: [1], values: [1] } });
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });

  it("refuses data that does not match the shape, bad shapes and reserved names", () => {
    expect(() => encodeSafetensors({ w: { dtype: "F32", shape: [2, 2], values: [1, 2, 3] } })).toThrow(/needs 16 bytes, got 12/);
    expect(() => encodeSafetensors({ w: { dtype: "F16", shape: [2], bytes: new Uint8Array(3) } })).toThrow(/needs 4 bytes/);
    expect(() => encodeSafetensors({ w: { dtype: "F32", shape: [-1], values: [] } })).toThrow(/non-negative integers/);
    expect(() => encodeSafetensors({ __metadata__: { dtype: "F32", shape: [0], values: [] } })).toThrow(/Invalid tensor name/);
  });

  it("converts to half precision bits like IEEE 754", () => {
    expect(toF16Bits(1)).toBe(0x3c00);
    expect(toF16Bits(-2)).toBe(0xc000);
    expect(toF16Bits(65504)).toBe(0x7bff);
    expect(toF16Bits(65520)).toBe(0x7c00);
    expect(toF16Bits(Number.NaN) & 0x7c00).toBe(0x7c00);
    expect(toF16Bits(2 ** -14)).toBe(0x0400);
    expect(toF16Bits(2 ** -24)).toBe(0x0001);
    expect(toF16Bits(2 ** -26)).toBe(0);
    expect(toBf16Bits(1)).toBe(0x3f80);
    expect(toBf16Bits(-Infinity)).toBe(0xff80);
    expect(toBf16Bits(Number.NaN)).toBe(0x7fc0);
  });
});
