"use client";

import { memo } from "react";
import { AssistantMessage } from "./assistant-message";
import type { MessageProps } from "./message-props";
import { UserMessage } from "./user-message";

export type { MessageProps, Vote } from "./message-props";
export { messageFiles, messageText } from "./message-text";
export { ThinkingDots } from "./thinking-dots";

export const Message = memo(
  function Message(props: MessageProps) {
    return (
      <div data-testid={`message-${props.message.role}`} data-message-id={props.message.id} className="w-full">
        {props.message.role === "user" ? (
          <UserMessage
            message={props.message}
            readonly={props.readonly}
            busy={props.busy}
            onEdit={props.onEdit}
            branch={props.branch}
            onSwitchBranch={props.onSwitchBranch}
          />
        ) : (
          <AssistantMessage {...props} />
        )}
      </div>
    );
  },
  (a, b) =>
    a.message === b.message &&
    a.isStreaming === b.isStreaming &&
    a.isLastAssistant === b.isLastAssistant &&
    a.readonly === b.readonly &&
    a.busy === b.busy &&
    a.vote === b.vote &&
    a.stopped === b.stopped &&
    a.modelName === b.modelName &&
    a.branch === b.branch &&
    a.onSwitchBranch === b.onSwitchBranch &&
    a.titleFor === b.titleFor &&
    a.onVote === b.onVote &&
    a.onRegenerate === b.onRegenerate &&
    a.onContinue === b.onContinue &&
    a.onEdit === b.onEdit &&
    a.onOpenDocument === b.onOpenDocument,
);
