import { Skeleton } from "@/components/ui/skeleton";

/**
 * The conversation's place while its messages stream in after the page's first byte (the chat
 * page sends its frame and history column first). Same header, column and composer geometry as
 * `Chat`, so nothing jumps when it arrives.
 */
export function ChatSkeleton() {
  return (
    <div className="flex min-w-0 flex-1 flex-col" aria-busy="true" aria-label="Loading the conversation" role="status">
      <div className="flex h-12 shrink-0 items-center gap-3 border-b px-3">
        <Skeleton className="size-7" />
        <Skeleton className="h-4 w-48 max-w-[40%]" />
      </div>
      <div className="mx-auto flex w-full max-w-3xl flex-1 flex-col gap-6 overflow-hidden px-4 py-6">
        <Skeleton className="h-10 w-2/3 self-end rounded-2xl" />
        <div className="flex gap-3">
          <Skeleton className="size-8 shrink-0 rounded-full" />
          <div className="flex flex-1 flex-col gap-2">
            <Skeleton className="h-4 w-full" />
            <Skeleton className="h-4 w-5/6" />
            <Skeleton className="h-4 w-2/3" />
          </div>
        </div>
      </div>
      <div className="mx-auto w-full max-w-3xl shrink-0 px-4 pt-2 pb-4">
        <Skeleton className="h-[94px] w-full rounded-2xl" />
      </div>
    </div>
  );
}
