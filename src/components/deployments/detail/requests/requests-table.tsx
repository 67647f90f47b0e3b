"use client";

import { Fragment, useState } from "react";
import { type ExpandedState, useTable } from "@tanstack/react-table";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { UsageRequestView } from "@/lib/gateway/requests";
import { cn } from "@/lib/utils";
import { COLUMN_CLASS, columns, features } from "./columns";
import { RequestDetail } from "./request-detail";

/** The rows; a row (a button to keyboards: Enter or Space) expands in place into its detail. */
export function RequestsTable({ rows, requestLogging }: { rows: UsageRequestView[]; requestLogging: boolean }) {
  const [expanded, setExpanded] = useState<ExpandedState>({});
  const table = useTable({
    features,
    columns,
    data: rows,
    getRowId: (row) => String(row.id),
    getRowCanExpand: () => true,
    // Refetches replace the data every few seconds: keep what the user opened.
    autoResetExpanded: false,
    state: { expanded },
    onExpandedChange: setExpanded,
  });
  const width = table.getAllLeafColumns().length;
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
          {table.getRowModel().rows.map((row) => {
            const open = row.getIsExpanded();
            const toggle = row.getToggleExpandedHandler();
            return (
              <Fragment key={row.id}>
                <TableRow
                  data-testid="request-row"
                  data-status={row.original.status}
                  tabIndex={0}
                  aria-expanded={open}
                  className="cursor-pointer focus-visible:bg-muted/50 focus-visible:outline-none"
                  onClick={toggle}
                  onKeyDown={(e) => {
                    if (e.key === "Enter" || e.key === " ") {
                      e.preventDefault();
                      toggle();
                    }
                  }}
                >
                  {row.getAllCells().map((cell) => (
                    <TableCell key={cell.id} className={cn("py-2.5", COLUMN_CLASS[cell.column.id])}>
                      <table.FlexRender cell={cell} />
                    </TableCell>
                  ))}
                </TableRow>
                {open ? (
                  <TableRow className="bg-muted/30 hover:bg-muted/30">
                    <TableCell colSpan={width} className="whitespace-normal">
                      <RequestDetail r={row.original} requestLogging={requestLogging} />
                    </TableCell>
                  </TableRow>
                ) : null}
              </Fragment>
            );
          })}
        </TableBody>
      </Table>
    </div>
  );
}
