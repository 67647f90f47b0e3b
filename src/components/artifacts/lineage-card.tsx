import Link from "next/link";
import { GitBranch } from "lucide-react";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { cn } from "@/lib/utils";
import type { RouterOutputs } from "@/trpc/react";

type Artifact = RouterOutputs["artifacts"]["byId"];

interface Version {
  id: string;
  name: string;
  version: number;
  deleted?: boolean;
  current?: boolean;
}

function Row({ v }: { v: Version }) {
  const text = (
    <>
      {v.name} <span className="font-mono text-xs text-muted-foreground">v{v.version}</span>
    </>
  );
  return (
    <li className="relative flex items-center gap-3 pl-6 text-sm" data-current={v.current || undefined}>
      <span
        aria-hidden
        className={cn(
          "absolute left-1 size-2.5 rounded-full border-2",
          v.current ? "border-primary bg-primary" : "border-muted-foreground/50 bg-background",
        )}
      />
      {v.current ? (
        <span className="font-medium">
          {text} <span className="text-xs font-normal text-muted-foreground">(this version)</span>
        </span>
      ) : v.deleted ? (
        <span className="text-muted-foreground line-through">{text}</span>
      ) : (
        <Link href={`/models/artifacts/${v.id}`} className="text-primary underline-offset-2 hover:underline">
          {text}
        </Link>
      )}
      {v.deleted ? <span className="text-xs text-muted-foreground">deleted</span> : null}
    </li>
  );
}

/** Versions trained on the same base model and dataset: the older ones, this one, and those after it. */
export function LineageCard({ artifact }: { artifact: Artifact }) {
  const versions: Version[] = [
    ...artifact.lineage,
    { id: artifact.id, name: artifact.name, version: artifact.version, current: true },
    ...artifact.children,
  ];
  return (
    <Card className="gap-3 py-5" data-testid="lineage">
      <CardHeader className="px-5">
        <CardTitle className="flex items-center gap-2 text-sm">
          <GitBranch className="size-4 text-muted-foreground" aria-hidden /> Versions
        </CardTitle>
      </CardHeader>
      <CardContent className="px-5">
        {versions.length > 1 ? (
          <ol className="relative flex flex-col gap-2.5 before:absolute before:top-2 before:bottom-2 before:left-[8.5px] before:w-px before:bg-border">
            {versions.map((v) => (
              <Row key={v.id} v={v} />
            ))}
          </ol>
        ) : (
          <p className="text-sm text-muted-foreground">
            The first version trained on {artifact.baseModel.name} with {artifact.dataset.name}. Training again on them
            makes the next one.
          </p>
        )}
      </CardContent>
    </Card>
  );
}
