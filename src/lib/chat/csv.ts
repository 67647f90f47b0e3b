/**
 * CSV for the sheet artifact (RFC 4180): quoted fields, doubled quotes, commas and
 * line breaks inside quotes, CRLF or LF rows. Pure so the grid and tests share it.
 */

export type Grid = string[][];

/** Parse CSV text into rows of cells. An empty text is an empty grid; a trailing newline adds no row. */
export function parseCsv(text: string): Grid {
  const rows: Grid = [];
  let row: string[] = [];
  let field = "";
  let inQuotes = false;
  let fieldStarted = false;
  let i = 0;
  const input = text.startsWith("\uFEFF") ? text.slice(1) : text;

  const endField = () => {
    row.push(field);
    field = "";
    fieldStarted = false;
  };
  const endRow = () => {
    endField();
    rows.push(row);
    row = [];
  };

  while (i < input.length) {
    const ch = input[i]!;
    if (inQuotes) {
      if (ch === '"') {
        if (input[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        inQuotes = false;
        i += 1;
        continue;
      }
      field += ch;
      i += 1;
      continue;
    }
    if (ch === '"' && !fieldStarted && field === "") {
      inQuotes = true;
      fieldStarted = true;
      i += 1;
      continue;
    }
    if (ch === ",") {
      endField();
      i += 1;
      continue;
    }
    if (ch === "\r" || ch === "\n") {
      endRow();
      i += ch === "\r" && input[i + 1] === "\n" ? 2 : 1;
      continue;
    }
    field += ch;
    fieldStarted = true;
    i += 1;
  }
  // Last row without a trailing newline (or an open quoted field at the end of a partial stream).
  if (field !== "" || fieldStarted || row.length > 0) endRow();
  return rows;
}

function needsQuotes(cell: string): boolean {
  return /[",\r\n]/.test(cell) || /^\s|\s$/.test(cell);
}

/** Serialize rows to CSV with LF line endings, quoting only where needed. */
export function serializeCsv(grid: Grid): string {
  return grid
    .map((row) => row.map((cell) => (needsQuotes(cell) ? `"${cell.replace(/"/g, '""')}"` : cell)).join(","))
    .join("\n");
}

/** Pad every row to the same width (at least `minCols`) and the grid to at least `minRows` rows. */
export function normalizeGrid(grid: Grid, minRows = 0, minCols = 0): Grid {
  const width = Math.max(minCols, ...grid.map((r) => r.length), 0);
  const rows = grid.map((r) => (r.length < width ? [...r, ...Array<string>(width - r.length).fill("")] : [...r]));
  while (rows.length < minRows) rows.push(Array<string>(width).fill(""));
  return rows;
}

/** Drop trailing rows and columns that are entirely empty (what the padded grid added). */
export function trimGrid(grid: Grid): Grid {
  const rows = grid.map((r) => [...r]);
  while (rows.length > 0 && rows[rows.length - 1]!.every((c) => c === "")) rows.pop();
  let width = Math.max(0, ...rows.map((r) => r.length));
  while (width > 0 && rows.every((r) => (r[width - 1] ?? "") === "")) width -= 1;
  return rows.map((r) => r.slice(0, width));
}

/** Replace one cell, growing the grid when the cell lies outside it. Returns a new grid. */
export function setCell(grid: Grid, row: number, col: number, value: string): Grid {
  const next = normalizeGrid(grid, row + 1, col + 1);
  next[row]![col] = value;
  return next;
}

/** Spreadsheet column label: 0 → A, 25 → Z, 26 → AA. */
export function columnLabel(index: number): string {
  let n = index + 1;
  let label = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    label = String.fromCharCode(65 + rem) + label;
    n = Math.floor((n - 1) / 26);
  }
  return label;
}
