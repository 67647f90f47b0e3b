"use client";

import { toast } from "sonner";
import { api } from "@/trpc/react";

/** Restores an older version by saving its content as the newest; `onRestored` shows it. */
export function useRestoreVersion(documentId: string, onRestored: () => void) {
  const utils = api.useUtils();
  const restore = api.documents.restore.useMutation({
    onSuccess: async () => {
      onRestored();
      await utils.documents.versions.invalidate({ id: documentId });
      toast.success("Version restored as the newest version");
    },
    onError: (e) => toast.error(e.message),
  });
  return {
    restore: (createdAt: Date) => restore.mutate({ id: documentId, createdAt }),
    restoring: restore.isPending,
  };
}
