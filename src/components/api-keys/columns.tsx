"use client";

import Link from "next/link";
import { createColumnHelper, tableFeatures } from "@tanstack/react-table";
import { formatRelative } from "@/lib/format";
import type { RouterOutputs } from "@/trpc/react";
import { KeyStateBadge } from "./key-state-badge";
import { RevokeKeyButton } from "./revoke-key-button";

export type KeyRow = RouterOutputs["apiKeys"]["list"][number];

export const features = tableFeatures({});
const helper = createColumnHelper<typeof features, KeyRow>();

/** Phones keep name, state and the action; scope and dates ride under the name there. */
export const COLUMN_CLASS: Record<string, string> = {
  name: "w-full max-w-0",
  scope: "hidden md:table-cell",
  state: "whitespace-nowrap",
  createdAt: "hidden lg:table-cell whitespace-nowrap",
  lastUsedAt: "hidden sm:table-cell whitespace-nowrap",
  expiresAt: "hidden lg:table-cell whitespace-nowrap",
  actions: "text-right",
};

const muted = (text: string) => <span className="text-muted-foreground">{text}</span>;

function When({ date, empty }: { date: Date | null; empty: string }) {
  if (!date) return muted(empty);
  return (
    <time dateTime={date.toISOString()} title={date.toLocaleString()}>
      {formatRelative(date)}
    </time>
  );
}

function Scope({ k }: { k: KeyRow }) {
  if (!k.deployment) return <span>All deployments</span>;
  return (
    <Link href={`/deployments/${k.deployment.id}`} className="font-mono hover:underline">
      {k.deployment.name}
    </Link>
  );
}

export const columns = helper.columns([
  helper.accessor("name", {
    header: "Name",
    cell: (info) => {
      const k = info.row.original;
      return (
        <span className="flex min-w-0 flex-col">
          <span className="line-clamp-2 font-medium break-words">{k.name}</span>
          <span className="truncate text-xs text-muted-foreground">
            <code className="font-mono">{k.prefix}…</code>
            <span className="md:hidden">
              {" · "}
              {k.deployment ? k.deployment.name : "all deployments"}
            </span>
          </span>
        </span>
      );
    },
  }),
  helper.display({ id: "scope", header: "Scope", cell: (info) => <Scope k={info.row.original} /> }),
  helper.accessor("state", { header: "State", cell: (info) => <KeyStateBadge state={info.getValue()} /> }),
  helper.accessor("createdAt", { header: "Created", cell: (info) => <When date={info.getValue()} empty="—" /> }),
  helper.accessor("lastUsedAt", { header: "Last used", cell: (info) => <When date={info.getValue()} empty="Never" /> }),
  helper.accessor("expiresAt", { header: "Expires", cell: (info) => <When date={info.getValue()} empty="Never" /> }),
  helper.display({
    id: "actions",
    header: () => <span className="sr-only">Actions</span>,
    cell: (info) => {
      const k = info.row.original;
      return k.state === "revoked" ? null : <RevokeKeyButton id={k.id} name={k.name} prefix={k.prefix} />;
    },
  }),
]);
