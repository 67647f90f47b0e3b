"use client";

import type { SheetDiff } from "@/lib/chat/sheet-diff";
import { columnLabel } from "@/lib/chat/csv";
import { cn } from "@/lib/utils";

/** A sheet version's changes cell by cell: the new value beside the struck-through old one. */
export function SheetDiffView({ diff }: { diff: SheetDiff }) {
  return (
    <table className="border-collapse text-sm" data-testid="sheet-diff">
      <thead>
        <tr>
          <th className="sticky top-0 left-0 z-10 w-10 border bg-muted" />
          {Array.from({ length: diff.columns }, (_, c) => (
            <th key={c} scope="col" className="sticky top-0 border bg-muted px-2 py-1 text-xs font-medium text-muted-foreground">
              {columnLabel(c)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {diff.rows.map((row, r) => (
          <tr key={r}>
            <th scope="row" className="sticky left-0 border bg-muted px-2 py-1 text-right text-xs font-medium text-muted-foreground">
              {r + 1}
            </th>
            {row.map((cell, c) => (
              <td
                key={c}
                data-diff={cell.type === "same" ? undefined : cell.type}
                className={cn(
                  "max-w-56 border px-2 py-1 align-top whitespace-pre-wrap",
                  // Stronger tints on the dark theme, where a 15% tint barely shows against the background.
                  cell.type === "added" && "bg-emerald-500/15 dark:bg-emerald-500/30",
                  cell.type === "removed" && "bg-red-500/15 text-red-800 line-through dark:bg-red-500/30 dark:text-red-300",
                  cell.type === "changed" && "bg-amber-400/15 dark:bg-amber-400/25",
                )}
              >
                {cell.type === "changed" ? (
                  <>
                    <del className="mr-1 text-red-700 decoration-red-500/60 dark:text-red-300">{cell.before}</del>
                    <ins className="text-emerald-800 no-underline dark:text-emerald-300">{cell.after}</ins>
                  </>
                ) : (
                  cell.value
                )}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
