import { cn } from "@/lib/utils";

/** A labelled determinate progress bar (fraction 0..1). */
export function ProgressBar({ fraction, label, className }: { fraction: number; label: string; className?: string }) {
  const percent = Math.max(0, Math.min(100, Math.round(fraction * 100)));
  return (
    <div
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={percent}
      className={cn("h-2 w-full overflow-hidden rounded-full bg-muted", className)}
    >
      {/* scaleX, not width: a transform animates on the compositor without layout or paint on the main thread. */}
      <div className="h-full w-full origin-left rounded-full bg-primary transition-transform duration-150" style={{ transform: `scaleX(${percent / 100})` }} />
    </div>
  );
}
