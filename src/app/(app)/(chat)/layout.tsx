import { ChatLayoutShell } from "@/components/chat/chat-layout";
import { HydrateClient, apiAfterShell } from "@/trpc/server";

/** Chat pages: the history column beside the conversation. */
export default function ChatLayout({ children }: { children: React.ReactNode }) {
  // The first page of history streams in with the HTML (a pending query is dehydrated with its
  // promise), queried once the shell is on its way, so the page's first byte waits neither for the rows
  // nor for handling them; later pages load as the list scrolls.
  void apiAfterShell.chats.history.prefetchInfinite({ limit: 20 });
  return (
    <HydrateClient>
      <ChatLayoutShell>{children}</ChatLayoutShell>
    </HydrateClient>
  );
}
