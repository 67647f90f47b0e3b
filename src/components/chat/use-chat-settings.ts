"use client";

import { useEffect, useState } from "react";
import { toast } from "sonner";
import type { ChatVisibility } from "@/lib/chat/contract";
import { api } from "@/trpc/react";
import type { ModelOption } from "./model-selector";

const LAST_MODEL_KEY = "radium:last-model";

/**
 * The chat's model and visibility: chosen locally at once, saved to the chat once it exists (a new
 * chat is created with them by its first message). A new chat starts with the model last picked.
 */
export function useChatSettings(opts: { id: string; initialModel: string; initialVisibility: ChatVisibility; models: ModelOption[]; isNew: boolean; canSave: boolean }) {
  const { id, isNew, models, canSave } = opts;
  const utils = api.useUtils();
  const [model, setModelState] = useState(opts.initialModel);
  const [visibility, setVisibilityState] = useState<ChatVisibility>(opts.initialVisibility);

  useEffect(() => {
    if (!isNew) return;
    const last = window.localStorage.getItem(LAST_MODEL_KEY);
    if (last && models.some((m) => m.id === last)) setModelState(last);
  }, [isNew, models]);

  const saveModel = api.chats.setModel.useMutation({ onError: (e) => toast.error(e.message) });
  const saveVisibility = api.chats.setVisibility.useMutation({
    onSuccess: (_d, vars) => {
      void utils.chats.history.invalidate();
      toast.success(vars.visibility === "public" ? "Anyone signed in with the link can now read this chat" : "This chat is private again");
    },
    onError: (e) => toast.error(e.message),
  });

  const onModelChange = (next: string) => {
    setModelState(next);
    window.localStorage.setItem(LAST_MODEL_KEY, next);
    if (canSave) saveModel.mutate({ id, model: next });
  };
  const onVisibilityChange = (next: ChatVisibility) => {
    setVisibilityState(next);
    if (canSave) saveVisibility.mutate({ id, visibility: next });
  };
  return { model, visibility, onModelChange, onVisibilityChange };
}
