"use client";

import { useEffect, useRef } from "react";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { api, type RouterOutputs } from "@/trpc/react";
import { mergeLogs, mergePoints } from "./series";

export type MetricsPoint = RouterOutputs["fineTuning"]["metrics"]["points"][number];
export type LogLine = RouterOutputs["fineTuning"]["logs"]["items"][number];

const POLL_MS = 1000;

/** When a job stops being live, one more fetch picks up what it wrote last (polling has stopped). */
function useCatchUp(live: boolean, refetch: () => unknown) {
  const was = useRef(live);
  useEffect(() => {
    if (was.current && !live) void refetch();
    was.current = live;
  }, [live, refetch]);
}
/** Pages read in one poll when the server says more lines are already there (a long log on first open). */
const MAX_PAGES_PER_POLL = 10;

/**
 * A job's metrics points, growing: each poll asks only for the steps after the last one it has
 * (`fineTuning.metrics({ afterStep })`) and merges them in, so a long job costs one small request a
 * second. Polls while the job is live, then once more to catch the last points.
 */
export function useMetricsSeries(id: string, live: boolean) {
  const utils = api.useUtils();
  const qc = useQueryClient();
  const key = ["fine-tuning-monitor", "metrics", id];
  const query = useQuery({
    queryKey: key,
    queryFn: async (): Promise<MetricsPoint[]> => {
      const prev = qc.getQueryData<MetricsPoint[]>(key) ?? [];
      const afterStep = prev.at(-1)?.step;
      const { points } = await utils.client.fineTuning.metrics.query(afterStep === undefined ? { id } : { id, afterStep });
      return mergePoints(prev, points);
    },
    refetchInterval: live ? POLL_MS : false,
    structuralSharing: false,
  });
  useCatchUp(live, query.refetch);
  return query;
}

interface LogState {
  items: LogLine[];
  cursor: string | null;
}

/**
 * A job's log lines, growing the same way from the cursor the last page returned
 * (`fineTuning.logs({ cursor })`); while the server says it has more, the pages follow at once.
 */
export function useJobLogs(id: string, live: boolean) {
  const utils = api.useUtils();
  const qc = useQueryClient();
  const key = ["fine-tuning-monitor", "logs", id];
  const query = useQuery({
    queryKey: key,
    queryFn: async (): Promise<LogState> => {
      let { items, cursor } = qc.getQueryData<LogState>(key) ?? { items: [], cursor: null };
      for (let i = 0; i < MAX_PAGES_PER_POLL; i++) {
        const page = await utils.client.fineTuning.logs.query(cursor ? { id, cursor } : { id });
        items = mergeLogs(items, page.items);
        const next = page.nextCursor ?? cursor;
        const moved = next !== cursor;
        cursor = next;
        if (!moved || !page.hasMore) break;
      }
      return { items, cursor };
    },
    refetchInterval: live ? POLL_MS : false,
    structuralSharing: false,
  });
  useCatchUp(live, query.refetch);
  return query;
}
