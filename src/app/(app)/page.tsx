import { MessageSquare } from "lucide-react";
import { EmptyState } from "@/components/ui/empty-state";
import { PageBody, PageHeader } from "@/components/shell/page-header";

export const metadata = { title: "Chat" };

export default function ChatHomePage() {
  return (
    <PageBody>
      <PageHeader title="Chat" description="Chat with AI that writes and edits documents beside the conversation." />
      <EmptyState
        icon={<MessageSquare />}
        title="No conversations yet"
        description="Start a chat to have the assistant draft essays, code and spreadsheets in the artifact panel."
      />
    </PageBody>
  );
}
