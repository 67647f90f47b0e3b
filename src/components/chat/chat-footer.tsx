/** Under the conversation: the composer, and a line on who answers (the offline model, or a caution). */
export function ChatFooter({ offline, children }: { offline: boolean; children: React.ReactNode }) {
  return (
    <div className="mx-auto w-full max-w-3xl shrink-0 px-4 pt-2 pb-4">
      {children}
      <p className="mt-2 text-center text-[11px] text-muted-foreground">
        {offline ? "Offline model: answers are generated locally without an AI provider." : "AI answers can be wrong. Check important information."}
      </p>
    </div>
  );
}
