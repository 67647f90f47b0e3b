import { formatRelative } from "@/lib/format";

/** "3 minutes ago", with the exact time on hover; the server's and the browser's clocks may differ by a tick. */
export function RelativeTime({ date, className }: { date: Date; className?: string }) {
  return (
    <time dateTime={date.toISOString()} title={date.toLocaleString()} className={className} suppressHydrationWarning>
      {formatRelative(date)}
    </time>
  );
}
