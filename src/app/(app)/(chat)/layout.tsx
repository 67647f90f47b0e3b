import { ChatLayoutShell } from "@/components/chat/chat-layout";
import { HydrateClient, api } from "@/trpc/server";

/** Chat pages: the history column beside the conversation. */
export default function ChatLayout({ children }: { children: React.ReactNode }) {
  // The first page of history streams in with the HTML (a pending query is dehydrated with its
  // promise), so the page's first byte does not wait for it; later pages load as the list scrolls.
  void api.chats.history.prefetchInfinite({ limit: 20 });
  return (
    <HydrateClient>
      <ChatLayoutShell>{children}</ChatLayoutShell>
    </HydrateClient>
  );
}
