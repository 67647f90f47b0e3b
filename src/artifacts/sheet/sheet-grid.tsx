"use client";

import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from "react";
import { columnLabel, normalizeGrid, parseCsv, serializeCsv, setCell, trimGrid, type Grid } from "@/lib/chat/csv";
import { cn } from "@/lib/utils";

const MIN_ROWS = 12;
const MIN_COLS = 5;

/** An editable grid backed by CSV: the first row reads as the header, spare rows/columns grow the sheet. */
export default function SheetGrid({
  value,
  onChange,
  isStreaming,
}: {
  value: string;
  onChange: ((csv: string) => void) | null;
  isStreaming: boolean;
}) {
  const readOnly = onChange === null;
  const [grid, setGrid] = useState<Grid>(() => parseCsv(value));
  const emitted = useRef(value);
  const table = useRef<HTMLTableElement>(null);

  // Follow outside changes (streaming, another version) but not our own edits echoing back.
  useEffect(() => {
    if (value !== emitted.current) {
      emitted.current = value;
      setGrid(parseCsv(value));
    }
  }, [value]);

  const shown = useMemo(() => {
    const rows = grid.length;
    const cols = Math.max(0, ...grid.map((r) => r.length));
    return readOnly ? normalizeGrid(grid, Math.max(rows, 1), Math.max(cols, 1)) : normalizeGrid(grid, Math.max(MIN_ROWS, rows + 1), Math.max(MIN_COLS, cols + 1));
  }, [grid, readOnly]);
  const width = shown[0]?.length ?? 0;
  // Columns as wide as their longest cell (within bounds), measured in characters.
  const colWidths = useMemo(() => {
    const widths = Array<number>(width).fill(0);
    for (const row of shown.slice(0, 500)) {
      row.forEach((cell, c) => {
        widths[c] = Math.max(widths[c] ?? 0, cell.length);
      });
    }
    return widths.map((w) => `${Math.min(40, Math.max(10, w + 3))}ch`);
  }, [shown, width]);

  function edit(row: number, col: number, text: string) {
    const next = setCell(grid, row, col, text);
    setGrid(next);
    const csv = serializeCsv(trimGrid(next));
    emitted.current = csv;
    onChange?.(csv);
  }

  function focusCell(row: number, col: number) {
    table.current?.querySelector<HTMLInputElement>(`input[data-row="${row}"][data-col="${col}"]`)?.focus();
  }

  function onKeyDown(e: KeyboardEvent<HTMLInputElement>, row: number, col: number) {
    if (e.key === "Enter" || (e.key === "ArrowDown" && !e.altKey)) {
      e.preventDefault();
      focusCell(row + (e.shiftKey && e.key === "Enter" ? -1 : 1), col);
    } else if (e.key === "ArrowUp") {
      e.preventDefault();
      focusCell(row - 1, col);
    } else if (e.key === "ArrowLeft" && e.currentTarget.selectionStart === 0 && e.currentTarget.selectionEnd === 0) {
      focusCell(row, col - 1);
    } else if (e.key === "ArrowRight" && e.currentTarget.selectionStart === e.currentTarget.value.length) {
      focusCell(row, col + 1);
    }
  }

  return (
    <div className="h-full overflow-auto" data-testid="sheet-grid">
      <table ref={table} className="border-separate border-spacing-0 text-sm" aria-label="Sheet">
        <thead>
          <tr>
            <th className="sticky top-0 left-0 z-20 w-10 min-w-10 border-r border-b bg-muted" aria-label="Row" />
            {Array.from({ length: width }, (_, c) => (
              <th
                key={c}
                scope="col"
                style={{ minWidth: colWidths[c] }}
                className="sticky top-0 z-10 border-r border-b bg-muted px-2 py-1 text-center text-xs font-medium text-muted-foreground"
              >
                {columnLabel(c)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {shown.map((row, r) => (
            <tr key={r}>
              <th scope="row" className="sticky left-0 z-10 border-r border-b bg-muted px-2 text-center text-xs font-medium text-muted-foreground tabular-nums">
                {r + 1}
              </th>
              {row.map((cell, c) => (
                <td key={c} className={cn("border-r border-b p-0", r === 0 && "bg-muted/40 font-medium")}>
                  {readOnly ? (
                    <div className="min-h-8 px-2 py-1.5 whitespace-pre-wrap">{cell}</div>
                  ) : (
                    <input
                      size={1}
                      value={cell}
                      data-row={r}
                      data-col={c}
                      aria-label={`Cell ${columnLabel(c)}${r + 1}`}
                      onChange={(e) => edit(r, c, e.target.value)}
                      onKeyDown={(e) => onKeyDown(e, r, c)}
                      className={cn(
                        "h-8 w-full bg-transparent px-2 outline-none focus:bg-accent/40 focus:ring-2 focus:ring-ring focus:ring-inset",
                        /^-?[\d.,]+%?$/.test(cell.trim()) && "text-right tabular-nums",
                      )}
                    />
                  )}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {isStreaming ? <p className="sr-only">The sheet is being written</p> : null}
    </div>
  );
}
