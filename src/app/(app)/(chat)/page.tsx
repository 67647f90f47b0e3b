import { Chat } from "@/components/chat/chat";
import { api } from "@/trpc/server";

export const metadata = { title: "New chat" };

/** "/" starts a new chat; its id is fixed here and the chat is created by the first message. */
export default async function NewChatPage() {
  const id = crypto.randomUUID();
  const { models, defaultModel, deployments } = await api.chats.models();
  return (
    <Chat
      key={id}
      id={id}
      initialMessages={[]}
      initialTitle={null}
      initialModel={defaultModel}
      initialVisibility="private"
      models={models}
      deployments={deployments}
      isOwner
      isNew
    />
  );
}
