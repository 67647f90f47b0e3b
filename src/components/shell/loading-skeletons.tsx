import { Skeleton } from "@/components/ui/skeleton";
import { cn } from "@/lib/utils";

/** A region that is loading: announced once by its label, its shapes hidden from screen readers. */
export function LoadingRegion({ label, className, children }: { label: string; className?: string; children: React.ReactNode }) {
  return (
    <div className={cn("flex flex-col gap-4", className)} role="status" aria-busy="true" aria-label={label}>
      {children}
    </div>
  );
}

/** Rows standing in for a list or a table until its first page arrives. */
export function RowsSkeleton({ label, rows = 4, rowClassName = "h-14" }: { label: string; rows?: number; rowClassName?: string }) {
  return (
    <LoadingRegion label={label} className="gap-2">
      {Array.from({ length: rows }, (_, i) => (
        <Skeleton key={i} className={cn("w-full", rowClassName)} />
      ))}
    </LoadingRegion>
  );
}

/** The shape of a PageHeader (and of the back link above it, and its action, where the page has them). */
export function HeaderSkeleton({ back = false, action = false }: { back?: boolean; action?: boolean }) {
  return (
    <>
      {back ? <Skeleton className="h-8 w-32" /> : null}
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div className="flex min-w-0 flex-col gap-2">
          <Skeleton className="h-8 w-48" />
          <Skeleton className="h-4 w-[28rem] max-w-[80vw]" />
        </div>
        {action ? <Skeleton className="h-9 w-40" /> : null}
      </div>
    </>
  );
}
