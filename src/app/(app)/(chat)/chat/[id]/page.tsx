import { TRPCError } from "@trpc/server";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache, Suspense } from "react";
import { Chat } from "@/components/chat/chat";
import { ChatSkeleton } from "@/components/chat/chat-skeleton";
import { api } from "@/trpc/server";

/** Null for another user's private chat, a deleted one, or a malformed id: all read as "not found". */
async function orNotFound<T>(read: Promise<T>): Promise<T | null> {
  try {
    return await read;
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
 * The chat is checked first, so a missing or private chat answers 404 before anything is sent;
 * then the frame goes out at once and the conversation streams in behind a skeleton.
 */
export default async function ChatPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!(await loadHead(id))) notFound();
  return (
    <Suspense fallback={<ChatSkeleton />}>
      <ChatConversation id={id} />
    </Suspense>
  );
}

async function ChatConversation({ id }: { id: string }) {
  const [data, { models, defaultModel, deployments }] = await Promise.all([orNotFound(api.chats.byId({ id })), api.chats.models()]);
  // Deleted between the check and this read: the page says so rather than failing.
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
