import { highlightRuns } from "@/lib/chat/search-query";

/** Text with the words that start with a search term marked. */
export function HighlightedText({ text, terms }: { text: string; terms: readonly string[] }) {
  return (
    <>
      {highlightRuns(text, terms).map((run, i) =>
        run.match ? (
          <mark key={i} className="rounded-xs bg-yellow-200/80 px-0.5 text-inherit dark:bg-yellow-500/30">
            {run.text}
          </mark>
        ) : (
          <span key={i}>{run.text}</span>
        ),
      )}
    </>
  );
}
