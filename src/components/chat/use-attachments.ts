"use client";

import type { FileUIPart } from "ai";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { toast } from "sonner";
import { type AttachmentKind, checkAttachment, fitAttachments } from "@/lib/chat/attachments";
import { discardAttachment, toFilePart, type UploadedAttachment, uploadAttachment } from "./attachment-upload";

export interface PendingAttachment {
  key: string;
  name: string;
  size: number;
  kind: AttachmentKind;
  /** A local preview of an image (revoked when the chip goes). */
  previewUrl: string | null;
  /** Share uploaded so far, 0..1. */
  progress: number;
  /** Set once the server has stored it. */
  uploaded: UploadedAttachment | null;
}

export interface Attachments {
  items: PendingAttachment[];
  /** True while any file is still uploading: the message waits for it. */
  uploading: boolean;
  /** Checks files against the limits (a toast names each refused one) and uploads the rest. */
  add(files: File[]): void;
  remove(key: string): void;
  /** The uploaded files as message parts, clearing the chips (the message now holds them). */
  take(): FileUIPart[];
}

/**
 * The files attached to the message being written: checked with the same rules as the server,
 * uploaded at once (so Send only waits for what is still in flight), shown as chips.
 */
export function useAttachments(): Attachments {
  const [items, setItems] = useState<PendingAttachment[]>([]);
  const current = useRef(items);
  current.current = items;
  const uploads = useRef(new Map<string, AbortController>());

  const update = useCallback((key: string, change: Partial<PendingAttachment>) => {
    setItems((list) => list.map((i) => (i.key === key ? { ...i, ...change } : i)));
  }, []);

  const drop = useCallback((key: string) => {
    setItems((list) => {
      const gone = list.find((i) => i.key === key);
      if (gone?.previewUrl) URL.revokeObjectURL(gone.previewUrl);
      return list.filter((i) => i.key !== key);
    });
  }, []);

  const add = useCallback(
    (files: File[]) => {
      const valid = files.flatMap((file) => {
        const check = checkAttachment(file);
        if (check.ok) return [{ file, check }];
        toast.error(check.message);
        return [];
      });
      const fit = fitAttachments(current.current.length, valid);
      if (fit.message) toast.error(fit.message);
      const added: PendingAttachment[] = [];
      for (const { file, check } of fit.accepted) {
        const key = crypto.randomUUID();
        const item: PendingAttachment = {
          key,
          name: file.name,
          size: file.size,
          kind: check.kind,
          previewUrl: check.kind === "image" ? URL.createObjectURL(file) : null,
          progress: 0,
          uploaded: null,
        };
        added.push(item);
        const abort = new AbortController();
        uploads.current.set(key, abort);
        uploadAttachment(file, (progress) => update(key, { progress }), abort.signal)
          .then((uploaded) => update(key, { uploaded, progress: 1 }))
          .catch((err: unknown) => {
            if (abort.signal.aborted) return;
            toast.error(err instanceof Error ? err.message : `"${file.name}" could not be uploaded.`);
            drop(key);
          })
          .finally(() => uploads.current.delete(key));
      }
      if (added.length > 0) setItems((list) => [...list, ...added]);
    },
    [drop, update],
  );

  const remove = useCallback(
    (key: string) => {
      uploads.current.get(key)?.abort();
      const item = current.current.find((i) => i.key === key);
      if (item?.uploaded) discardAttachment(item.uploaded.id);
      drop(key);
    },
    [drop],
  );

  const take = useCallback(() => {
    const parts = current.current.flatMap((i) => (i.uploaded ? [toFilePart(i.uploaded)] : []));
    for (const i of current.current) if (i.previewUrl) URL.revokeObjectURL(i.previewUrl);
    setItems([]);
    return parts;
  }, []);

  // Leaving the chat stops uploads in flight and frees the previews.
  useEffect(() => {
    const inFlight = uploads.current;
    return () => {
      for (const abort of inFlight.values()) abort.abort();
      for (const i of current.current) if (i.previewUrl) URL.revokeObjectURL(i.previewUrl);
    };
  }, []);

  const uploading = items.some((i) => !i.uploaded);
  return useMemo(() => ({ items, uploading, add, remove, take }), [items, uploading, add, remove, take]);
}
