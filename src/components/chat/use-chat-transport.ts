"use client";

import { DefaultChatTransport } from "ai";
import { useMemo, useRef } from "react";
import type { ChatRequestBody, ChatVisibility, RadiumUIMessage } from "@/lib/chat/contract";
import { answerTextLength } from "@/lib/chat/continued-text";

/**
 * The /api/chat transport. It is created once; the request body reads the current model and
 * visibility through a ref. A send without a new message (Continue) names the stopped answer.
 */
export function useChatTransport(selection: { model: string; visibility: ChatVisibility }): DefaultChatTransport<RadiumUIMessage> {
  const current = useRef(selection);
  current.current = selection;
  return useMemo(
    () =>
      new DefaultChatTransport<RadiumUIMessage>({
        api: "/api/chat",
        prepareSendMessagesRequest: ({ id, messages, trigger, messageId }) => {
          const last = messages.at(-1);
          const continues = trigger === "submit-message" && last?.role === "assistant";
          const body: ChatRequestBody = {
            id,
            message: trigger === "submit-message" && !continues ? last : undefined,
            trigger: continues ? "continue-message" : trigger,
            messageId: continues ? last.id : messageId,
            ...(continues ? { continueFrom: answerTextLength(last.parts) } : {}),
            model: current.current.model,
            visibility: current.current.visibility,
          };
          return { body };
        },
      }),
    [],
  );
}
