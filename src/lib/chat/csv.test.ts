import { describe, expect, it } from "vitest";
import { columnLabel, normalizeGrid, parseCsv, serializeCsv, setCell, trimGrid } from "./csv";

describe("parseCsv", () => {
  it("parses plain rows and ignores a trailing newline", () => {
    expect(parseCsv("a,b,c\n1,2,3\n")).toEqual([
      ["a", "b", "c"],
      ["1", "2", "3"],
    ]);
  });

  it("handles quoted fields with commas, doubled quotes and line breaks", () => {
    expect(parseCsv('name,note\n"Smith, J","said ""hi""\nand left"\r\nx,y')).toEqual([
      ["name", "note"],
      ["Smith, J", 'said "hi"\nand left'],
      ["x", "y"],
    ]);
  });

  it("keeps empty fields and empty text is an empty grid", () => {
    expect(parseCsv("a,,c\n,,")).toEqual([
      ["a", "", "c"],
      ["", "", ""],
    ]);
    expect(parseCsv("")).toEqual([]);
  });

  it("strips a byte order mark and accepts CR-only rows", () => {
    expect(parseCsv("\uFEFFa,b\rc,d")).toEqual([
      ["a", "b"],
      ["c", "d"],
    ]);
  });

  it("tolerates an unterminated quote at the end of a streamed chunk", () => {
    expect(parseCsv('a,"par')).toEqual([["a", "par"]]);
  });
});

describe("serializeCsv", () => {
  it("quotes only cells that need it and round-trips", () => {
    const grid = [
      ["Item", "Note", "Qty"],
      ["Apples, red", 'The "best"', "3"],
      ["Pears", "line1\nline2", " 4"],
    ];
    const text = serializeCsv(grid);
    expect(text).toBe('Item,Note,Qty\n"Apples, red","The ""best""",3\nPears,"line1\nline2"," 4"');
    expect(parseCsv(text)).toEqual(grid);
  });
});

describe("grid helpers", () => {
  it("normalizes ragged rows and pads to a minimum size", () => {
    expect(normalizeGrid([["a"], ["b", "c"]], 3, 3)).toEqual([
      ["a", "", ""],
      ["b", "c", ""],
      ["", "", ""],
    ]);
  });

  it("trims empty trailing rows and columns", () => {
    expect(trimGrid([["a", "", ""], ["b", "c", ""], ["", "", ""]])).toEqual([
      ["a", ""],
      ["b", "c"],
    ]);
  });

  it("setCell grows the grid without mutating the original", () => {
    const g = [["a"]];
    const next = setCell(g, 1, 2, "z");
    expect(next).toEqual([
      ["a", "", ""],
      ["", "", "z"],
    ]);
    expect(g).toEqual([["a"]]);
  });

  it("labels columns like a spreadsheet", () => {
    expect([0, 1, 25, 26, 27, 51, 52, 701, 702].map(columnLabel)).toEqual(["A", "B", "Z", "AA", "AB", "AZ", "BA", "ZZ", "AAA"]);
  });
});
