import { setImmediate } from "node:timers/promises";
import { TRPCError } from "@trpc/server";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache, Suspense } from "react";
import { Chat } from "@/components/chat/chat";
import { ChatSkeleton } from "@/components/chat/chat-skeleton";
import { DEFAULT_CHAT_TITLE } from "@/lib/chat/contract";
import { api } from "@/trpc/server";

/** Null for another user's private chat, a deleted one, or a malformed id: all read as "not found". */
async function orNotFound<T>(load: Promise<T>): Promise<T | null> {
  try {
    return await load;
  } catch (error) {
    if (error instanceof TRPCError && (error.code === "NOT_FOUND" || error.code === "BAD_REQUEST")) return null;
    throw error;
  }
}

const loadHead = cache((id: string) => orNotFound(api.chats.head({ id })));

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const { id } = await params;
  const head = await loadHead(id);
  return { title: head?.chat.title || "Chat" };
}

/**
 * The page's shell (history, header with the title) goes out once the chat is known to be readable —
 * one small query, so a missing chat still answers 404 — and the conversation streams in after it.
 */
export default async function ChatPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const head = await loadHead(id);
  if (!head) notFound();
  return (
    <Suspense fallback={<ChatSkeleton title={head.chat.title || DEFAULT_CHAT_TITLE} withComposer={head.isOwner} />}>
      <Conversation id={id} />
    </Suspense>
  );
}

async function Conversation({ id }: { id: string }) {
  // Two turns of the event loop, so the shell reaches the HTML renderer before these rows come back;
  // no more, so the rows usually still make the shell's first flush. Rows that miss it stream in as
  // a separate Suspense boundary, and React reveals those no sooner than 300 ms after the first
  // paint: waiting for the shell's write (afterShell) took 4 ms off the first byte but left the
  // skeleton up, and the browser rendered the conversation itself beside the unrevealed one.
  await setImmediate();
  await setImmediate();
  const [data, { models, defaultModel, deployments }] = await Promise.all([orNotFound(api.chats.byId({ id })), api.chats.models()]);
  // Deleted between the two reads: as if it had been missing from the start (the status is already sent).
  if (!data) notFound();
  const { chat, messages, isOwner } = data;
  // A chat keeps its model; if that model is no longer offered, the default is used for new turns.
  const model = [...models, ...deployments].some((m) => m.id === chat.model) ? chat.model : defaultModel;
  return (
    <Chat
      key={chat.id}
      id={chat.id}
      initialMessages={messages}
      initialTitle={chat.title}
      initialModel={model}
      initialVisibility={chat.visibility}
      models={models}
      deployments={deployments}
      isOwner={isOwner}
      isNew={false}
    />
  );
}
