import { TRPCError } from "@trpc/server";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { Chat } from "@/components/chat/chat";
import { api } from "@/trpc/server";

const loadChat = cache(async (id: string) => {
  try {
    return await api.chats.byId({ id });
  } catch (error) {
    // Another user's private chat, a deleted one, or a malformed id: all read as "not found".
    if (error instanceof TRPCError && (error.code === "NOT_FOUND" || error.code === "BAD_REQUEST")) return null;
    throw error;
  }
});

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const { id } = await params;
  const data = await loadChat(id);
  return { title: data?.chat.title || "Chat" };
}

export default async function ChatPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const [data, { models, defaultModel, deployments }] = await Promise.all([loadChat(id), api.chats.models()]);
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
