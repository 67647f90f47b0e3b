"use client";

import { useTable } from "@tanstack/react-table";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { cn } from "@/lib/utils";
import { COLUMN_CLASS, columns, features, type KeyRow } from "./columns";

/** The keys, newest first as the server lists them; revoked and expired rows are dimmed. */
export function KeysTable({ keys }: { keys: KeyRow[] }) {
  const table = useTable({ features, columns, data: keys, getRowId: (row) => row.id });
  return (
    <div className="rounded-lg border">
      <Table>
        <TableHeader>
          {table.getHeaderGroups().map((group) => (
            <TableRow key={group.id}>
              {group.headers.map((header) => (
                <TableHead key={header.id} className={COLUMN_CLASS[header.column.id]}>
                  {header.isPlaceholder ? null : <table.FlexRender header={header} />}
                </TableHead>
              ))}
            </TableRow>
          ))}
        </TableHeader>
        <TableBody>
          {table.getRowModel().rows.map((row) => (
            <TableRow
              key={row.id}
              data-testid="api-key-row"
              data-state={row.original.state}
              className={cn(row.original.state !== "active" && "text-muted-foreground")}
            >
              {row.getAllCells().map((cell) => (
                <TableCell key={cell.id} className={cn("py-3", COLUMN_CLASS[cell.column.id])}>
                  <table.FlexRender cell={cell} />
                </TableCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
