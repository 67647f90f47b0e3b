"use client";

import { keepPreviousData } from "@tanstack/react-query";
import { MessageSquare } from "lucide-react";
import { useRouter } from "next/navigation";
import { useEffect, useMemo, useState } from "react";
import { Command, CommandEmpty, CommandGroup, CommandInput, CommandItem, CommandList } from "@/components/ui/command";
import { Dialog, DialogContent, DialogDescription, DialogTitle } from "@/components/ui/dialog";
import { Spinner } from "@/components/ui/spinner";
import { DEFAULT_CHAT_TITLE } from "@/lib/chat/contract";
import { MAX_SEARCH_CHARS, searchTerms } from "@/lib/chat/search-query";
import { api } from "@/trpc/react";
import { useChatHistory } from "./history-cache";
import { HighlightedText } from "./highlighted-text";
import { useDebounced } from "./use-debounced";

const RECENT = 8;
const day = new Intl.DateTimeFormat(undefined, { month: "short", day: "numeric" });

interface Hit {
  id: string;
  title: string;
  updatedAt: Date;
  snippet?: string | null;
}

function HitRow({ hit, terms, onOpen }: { hit: Hit; terms: readonly string[]; onOpen: (id: string) => void }) {
  return (
    <CommandItem value={hit.id} onSelect={onOpen} className="items-start gap-3 py-2" data-testid="search-hit">
      <MessageSquare className="mt-0.5 text-muted-foreground" aria-hidden />
      <div className="min-w-0 flex-1">
        <div className="flex items-baseline gap-2">
          <span className="min-w-0 flex-1 truncate font-medium">
            <HighlightedText text={hit.title || DEFAULT_CHAT_TITLE} terms={terms} />
          </span>
          <span className="shrink-0 text-xs text-muted-foreground">{day.format(hit.updatedAt)}</span>
        </div>
        {hit.snippet ? (
          <p className="mt-0.5 line-clamp-2 text-xs text-muted-foreground">
            <HighlightedText text={hit.snippet} terms={terms} />
          </p>
        ) : null}
      </div>
    </CommandItem>
  );
}

/** Finds chats by title and message text (server-side); with nothing typed, lists the latest chats. */
export function ChatSearchDialog({ open, onOpenChange }: { open: boolean; onOpenChange: (open: boolean) => void }) {
  const router = useRouter();
  const [query, setQuery] = useState("");
  const settled = useDebounced(query.trim(), 150);
  const terms = useMemo(() => searchTerms(settled), [settled]);
  // Words typed (even before the pause that sends them): results, not the recent chats, are what is asked for.
  const searching = useMemo(() => searchTerms(query).length > 0, [query]);
  const results = api.chats.search.useQuery({ query: settled }, { enabled: open && terms.length > 0, placeholderData: keepPreviousData, staleTime: 10_000 });
  const history = useChatHistory();
  const recent = useMemo(() => history.data?.pages[0]?.items.slice(0, RECENT) ?? [], [history.data]);

  const openChat = (id: string) => {
    onOpenChange(false);
    setQuery("");
    router.push(`/chat/${id}`);
  };
  const hits: Hit[] = useMemo(() => (searching ? (terms.length > 0 ? (results.data ?? []) : []) : recent), [searching, terms, results.data, recent]);
  const pending = searching && (terms.length === 0 || results.isPending || results.isFetching || settled !== query.trim());
  // The highlighted row (Enter opens it): the first result whenever the results change.
  const [selected, setSelected] = useState("");
  const first = hits[0]?.id ?? "";
  useEffect(() => setSelected(first), [first]);

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent className="top-[12dvh] translate-y-0 gap-0 overflow-hidden p-0 sm:max-w-xl" showCloseButton={false}>
        <DialogTitle className="sr-only">Search chats</DialogTitle>
        <DialogDescription className="sr-only">Find a chat by its title or by words in its messages.</DialogDescription>
        <Command shouldFilter={false} label="Search chats" value={selected} onValueChange={setSelected}>
          <CommandInput value={query} onValueChange={setQuery} placeholder="Search chats…" maxLength={MAX_SEARCH_CHARS} aria-label="Search chats" />
          <CommandList>
            {results.isError && searching ? (
              <p className="px-4 py-6 text-center text-sm text-destructive" role="alert">
                {results.error.message}
              </p>
            ) : pending && hits.length === 0 ? (
              <div className="flex justify-center py-6">
                <Spinner label="Searching" />
              </div>
            ) : (
              <CommandEmpty>{searching ? `No chats match “${settled}”.` : "Your chats will appear here once you send a message."}</CommandEmpty>
            )}
            {hits.length > 0 ? (
              <CommandGroup heading={searching ? "Results" : "Recent chats"} aria-busy={pending}>
                {hits.map((hit) => (
                  <HitRow key={hit.id} hit={hit} terms={terms} onOpen={openChat} />
                ))}
              </CommandGroup>
            ) : null}
          </CommandList>
          <div className="flex items-center justify-between border-t px-3 py-2 text-[11px] text-muted-foreground">
            <span>↑↓ to move · Enter to open · Esc to close</span>
            {pending && hits.length > 0 ? <Spinner label="Searching" /> : null}
          </div>
        </Command>
      </DialogContent>
    </Dialog>
  );
}
