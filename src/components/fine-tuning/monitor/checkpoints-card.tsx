"use client";

import { Star } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { formatRelative } from "@/lib/format";
import { cn } from "@/lib/utils";
import { api } from "@/trpc/react";
import { formatBytes, formatLoss } from "./series";

/** Every checkpoint the job saved (all are kept), the best by validation loss marked. */
export function CheckpointsCard({ id, live }: { id: string; live: boolean }) {
  const query = api.fineTuning.checkpoints.useQuery({ id }, { refetchInterval: live ? 2000 : false });
  const items = query.data?.items ?? [];
  return (
    <Card className="gap-3 py-5" data-testid="checkpoints">
      <CardHeader className="flex flex-row items-baseline justify-between gap-2 px-5">
        <CardTitle className="text-sm">Checkpoints</CardTitle>
        <span className="text-xs text-muted-foreground">All kept · best by validation loss</span>
      </CardHeader>
      <CardContent className="px-2 sm:px-5">
        {query.isPending ? (
          <Skeleton className="h-24 w-full" />
        ) : query.isError ? (
          <p className="px-3 text-sm text-destructive">Could not load checkpoints: {query.error.message}</p>
        ) : items.length === 0 ? (
          <p className="px-3 text-sm text-muted-foreground">A checkpoint is saved at the end of every epoch.</p>
        ) : (
          <Table>
            <TableHeader>
              <TableRow>
                <TableHead>Epoch</TableHead>
                <TableHead className="hidden sm:table-cell">Step</TableHead>
                <TableHead className="text-right">Training</TableHead>
                <TableHead className="text-right">Validation</TableHead>
                <TableHead className="hidden text-right md:table-cell">Files</TableHead>
                <TableHead className="hidden text-right lg:table-cell">Saved</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {items.map((c) => (
                <TableRow
                  key={c.id}
                  data-testid="checkpoint-row"
                  data-best={c.best || undefined}
                  className={cn(c.best && "bg-emerald-500/5")}
                >
                  <TableCell className="font-medium">
                    <span className="flex items-center gap-2">
                      {c.epoch}
                      {c.best ? (
                        <Badge
                          variant="outline"
                          className="border-emerald-500/30 bg-emerald-500/10 text-emerald-700 dark:text-emerald-400"
                        >
                          <Star className="fill-current" aria-hidden /> Best
                        </Badge>
                      ) : null}
                      {c.final ? (
                        <Badge variant="secondary" title="The adapter the job finished with">
                          Final
                        </Badge>
                      ) : null}
                    </span>
                  </TableCell>
                  <TableCell className="hidden tabular-nums sm:table-cell">{c.step}</TableCell>
                  <TableCell className="text-right tabular-nums">{formatLoss(c.trainingLoss)}</TableCell>
                  <TableCell className="text-right tabular-nums">{formatLoss(c.validationLoss)}</TableCell>
                  <TableCell className="hidden text-right text-muted-foreground tabular-nums md:table-cell">
                    {c.files.length} · {formatBytes(c.files.reduce((n, f) => n + f.size, 0))}
                  </TableCell>
                  <TableCell className="hidden text-right text-muted-foreground lg:table-cell">
                    {formatRelative(c.createdAt)}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </CardContent>
    </Card>
  );
}
