"use client";

import { useCallback, useRef, useState } from "react";
import { api, type RouterInputs } from "@/trpc/react";
import { uploadErrorMessage } from "./upload-schema";
import { sendDatasetFile } from "./upload-transport";

export type UploadState =
  | { phase: "idle" }
  | { phase: "sending"; fraction: number }
  | { phase: "confirming" }
  | { phase: "failed"; message: string };

const isAbort = (err: unknown) => err instanceof DOMException && err.name === "AbortError";

/**
 * createUpload → the bytes to the target it names (with progress) → confirmUpload, which starts the
 * server's own validation. A cancelled or failed upload deletes the half-made dataset.
 */
export function useDatasetUpload() {
  const utils = api.useUtils();
  const { mutateAsync: create } = api.datasets.createUpload.useMutation();
  const { mutateAsync: confirm } = api.datasets.confirmUpload.useMutation();
  const { mutate: remove } = api.datasets.delete.useMutation();
  const [state, setState] = useState<UploadState>({ phase: "idle" });
  const controller = useRef<AbortController | null>(null);

  const start = useCallback(
    async (input: RouterInputs["datasets"]["createUpload"], file: File): Promise<string | null> => {
      const abort = new AbortController();
      controller.current = abort;
      setState({ phase: "sending", fraction: 0 });
      let id: string | null = null;
      try {
        const created = await create(input);
        id = created.id;
        abort.signal.throwIfAborted();
        await sendDatasetFile(created.upload, file, (fraction) => setState({ phase: "sending", fraction }), abort.signal);
        setState({ phase: "confirming" });
        await confirm({ id });
        setState({ phase: "idle" });
        return id;
      } catch (err) {
        if (id) remove({ id });
        setState(isAbort(err) ? { phase: "idle" } : { phase: "failed", message: uploadErrorMessage(err) });
        return null;
      } finally {
        controller.current = null;
        void utils.datasets.list.invalidate();
      }
    },
    [create, confirm, remove, utils],
  );

  const cancel = useCallback(() => controller.current?.abort(), []);
  return { state, start, cancel };
}
