import Link from "next/link";
import { GitBranch } from "lucide-react";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import type { RouterOutputs } from "@/trpc/react";
import { RelativeTime } from "../fine-tuning/relative-time";

type Artifact = RouterOutputs["artifacts"]["byId"];
type Ref = Artifact["lineage"]["children"][number];

function Item({ r, label }: { r: Ref; label: string }) {
  return (
    <li className="flex items-center justify-between gap-3 text-sm">
      <span className="flex min-w-0 flex-col">
        <span className="text-[11px] text-muted-foreground">{label}</span>
        <Link href={`/models/artifacts/${r.id}`} className="truncate font-medium hover:underline">
          {r.name} <span className="font-normal text-muted-foreground">{r.version}</span>
        </Link>
      </span>
      <RelativeTime date={r.createdAt} className="shrink-0 text-xs text-muted-foreground" />
    </li>
  );
}

/** Versions: the artifact this one was trained from, and those trained from it. */
export function LineageCard({ artifact }: { artifact: Artifact }) {
  const { parent, children } = artifact.lineage;
  return (
    <Card className="gap-3 py-5" data-testid="lineage">
      <CardHeader className="px-5">
        <CardTitle className="flex items-center gap-2 text-sm">
          <GitBranch className="size-4 text-muted-foreground" aria-hidden /> Lineage
        </CardTitle>
      </CardHeader>
      <CardContent className="px-5">
        {parent || children.length > 0 ? (
          <ul className="flex flex-col gap-3">
            {parent ? <Item r={parent} label="Trained from" /> : null}
            <li className="text-sm">
              <span className="text-[11px] text-muted-foreground">This version</span>
              <p className="font-medium">
                {artifact.name} <span className="font-normal text-muted-foreground">{artifact.version}</span>
              </p>
            </li>
            {children.map((c) => (
              <Item key={c.id} r={c} label="Trained from this" />
            ))}
          </ul>
        ) : (
          <p className="text-sm text-muted-foreground">The first version: trained from the base model alone.</p>
        )}
      </CardContent>
    </Card>
  );
}
