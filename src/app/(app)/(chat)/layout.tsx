import { ChatLayoutShell } from "@/components/chat/chat-layout";
import { HydrateClient, api } from "@/trpc/server";

/** Chat pages: the history column beside the conversation. */
export default async function ChatLayout({ children }: { children: React.ReactNode }) {
  // The first page of history arrives with the HTML; later pages load as the list scrolls.
  await api.chats.history.prefetchInfinite({ limit: 20 });
  return (
    <HydrateClient>
      <ChatLayoutShell>{children}</ChatLayoutShell>
    </HydrateClient>
  );
}
