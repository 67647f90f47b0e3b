"use client";

import { Download, FileArchive, FileJson, FileText } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { api } from "@/trpc/react";
import { formatBytes } from "../fine-tuning/monitor/series";

const REFRESH_BEFORE_EXPIRY_MS = 60_000;

function iconFor(name: string) {
  if (name.endsWith(".json")) return FileJson;
  if (name.endsWith(".safetensors")) return FileArchive;
  return FileText;
}

/**
 * The adapter's files with signed download links (fetched for this page and refreshed a minute
 * before they expire), and Download all as one zip.
 */
export function FilesCard({ id, files }: { id: string; files: { name: string; size: number }[] }) {
  const links = api.artifacts.downloadUrls.useQuery(
    { id },
    {
      refetchInterval: (q) =>
        q.state.data ? Math.max(5_000, new Date(q.state.data.expiresAt).getTime() - Date.now() - REFRESH_BEFORE_EXPIRY_MS) : false,
    },
  );
  const urlOf = new Map(links.data?.files.map((f) => [f.name, f.url]));
  const total = files.reduce((n, f) => n + f.size, 0);
  return (
    <Card className="gap-3 py-5" data-testid="artifact-files">
      <CardHeader className="flex flex-row flex-wrap items-center justify-between gap-2 px-5">
        <CardTitle className="text-sm">Files</CardTitle>
        {links.data ? (
          <Button asChild size="sm" variant="outline">
            <a href={links.data.zipUrl} download data-testid="download-all">
              <Download /> Download all ({formatBytes(total)})
            </a>
          </Button>
        ) : (
          <Button size="sm" variant="outline" disabled>
            <Download /> Download all
          </Button>
        )}
      </CardHeader>
      <CardContent className="px-5">
        {links.isError ? (
          <p className="mb-2 text-sm text-destructive">Could not make download links: {links.error.message}</p>
        ) : null}
        <ul className="flex flex-col divide-y rounded-lg border">
          {files.map((f) => {
            const Icon = iconFor(f.name);
            const url = urlOf.get(f.name);
            return (
              <li key={f.name} className="flex items-center gap-3 px-3 py-2.5" data-testid="artifact-file" data-name={f.name}>
                <Icon className="size-4 shrink-0 text-muted-foreground" aria-hidden />
                <span className="min-w-0 flex-1 truncate font-mono text-xs">{f.name}</span>
                <span className="text-xs text-muted-foreground tabular-nums">{formatBytes(f.size)}</span>
                {url ? (
                  <Button asChild size="icon-sm" variant="ghost">
                    <a href={url} download={f.name} aria-label={`Download ${f.name}`}>
                      <Download />
                    </a>
                  </Button>
                ) : links.isPending ? (
                  <Skeleton className="size-8" />
                ) : null}
              </li>
            );
          })}
        </ul>
      </CardContent>
    </Card>
  );
}
