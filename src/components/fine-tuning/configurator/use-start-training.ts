"use client";

import { useRef, useState } from "react";
import { buildTrainingGraph } from "@/lib/training/graph";
import type { TrainingConfig } from "@/lib/training/schema";
import { api } from "@/trpc/react";
import { type StartError, startError } from "./server-errors";

/**
 * Start training: the configuration becomes seed 002's typed graph (meta names the signed-in user)
 * and goes to fineTuning.create, which deep-validates it. One idempotency key per configurator,
 * kept across retries (a double click or a retry after a 503 makes one job) and renewed after a success.
 */
export function useStartTraining(userId: string, onStarted: (id: string) => void) {
  const create = api.fineTuning.create.useMutation();
  const utils = api.useUtils();
  const key = useRef<string>(crypto.randomUUID());
  const [error, setError] = useState<StartError | null>(null);

  async function start(config: TrainingConfig): Promise<StartError | null> {
    if (create.isPending) return null;
    setError(null);
    try {
      const graph = buildTrainingGraph(config, userId);
      const { id } = await create.mutateAsync({ graph, idempotencyKey: key.current });
      key.current = crypto.randomUUID();
      await utils.fineTuning.list.invalidate();
      onStarted(id);
      return null;
    } catch (err) {
      const e = startError(err);
      setError(e);
      return e;
    }
  }

  return { start, error, busy: create.isPending, clearError: () => setError(null) };
}
