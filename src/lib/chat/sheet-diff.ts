/** Cell-by-cell diff of two versions of a sheet (CSV), for the artifact panel's diff view. */
import { parseCsv } from "./csv";

export type CellChange =
  | { type: "same"; value: string }
  | { type: "changed"; before: string; after: string }
  | { type: "added"; value: string }
  | { type: "removed"; value: string };

export interface SheetDiff {
  /** Every cell of the larger of the two grids, by row then column. */
  rows: CellChange[][];
  columns: number;
  changed: number;
  added: number;
  removed: number;
}

/** Compares cells at the same row and column: a cell only one version has is added or removed. */
export function sheetDiff(previous: string, next: string): SheetDiff {
  const before = parseCsv(previous);
  const after = parseCsv(next);
  const rowCount = Math.max(before.length, after.length);
  const columns = Math.max(0, ...before.map((r) => r.length), ...after.map((r) => r.length));
  const out: SheetDiff = { rows: [], columns, changed: 0, added: 0, removed: 0 };
  for (let r = 0; r < rowCount; r++) {
    const row: CellChange[] = [];
    for (let c = 0; c < columns; c++) {
      const a = before[r]?.[c];
      const b = after[r]?.[c];
      // An empty cell and a missing one read the same on screen.
      if ((a ?? "") === (b ?? "")) row.push({ type: "same", value: b ?? "" });
      else if (!a) {
        row.push({ type: "added", value: b ?? "" });
        out.added += 1;
      } else if (!b) {
        row.push({ type: "removed", value: a });
        out.removed += 1;
      } else {
        row.push({ type: "changed", before: a, after: b });
        out.changed += 1;
      }
    }
    out.rows.push(row);
  }
  return out;
}
