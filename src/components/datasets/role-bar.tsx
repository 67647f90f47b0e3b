import { DATASET_ROLES, type DatasetRole } from "@/lib/datasets/types";

const COLOR: Record<DatasetRole, string> = {
  system: "bg-[var(--chart-3)]",
  user: "bg-[var(--chart-2)]",
  assistant: "bg-[var(--chart-1)]",
  tool: "bg-[var(--chart-4)]",
};

/** Messages per role as one stacked bar with a legend (roles with no messages are left out). */
export function RoleBar({ roles }: { roles: Record<DatasetRole, number> }) {
  const present = DATASET_ROLES.filter((r) => roles[r] > 0);
  const total = present.reduce((sum, r) => sum + roles[r], 0);
  if (total === 0) return null;
  return (
    <div className="flex flex-col gap-2" data-testid="role-distribution">
      <div className="flex h-2.5 overflow-hidden rounded-full bg-muted" role="img" aria-label={present.map((r) => `${r}: ${roles[r]}`).join(", ")}>
        {present.map((r) => (
          <span key={r} className={COLOR[r]} style={{ width: `${(roles[r] / total) * 100}%` }} />
        ))}
      </div>
      <ul className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-muted-foreground">
        {present.map((r) => (
          <li key={r} className="flex items-center gap-1.5" data-role={r} data-count={roles[r]}>
            <span className={`size-2 rounded-full ${COLOR[r]}`} aria-hidden />
            <span className="capitalize">{r}</span>
            <span className="font-medium text-foreground tabular-nums">{roles[r].toLocaleString("en")}</span>
            <span>({Math.round((roles[r] / total) * 100)}%)</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
