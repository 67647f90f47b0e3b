import { type DeploymentPrice, formatCents } from "@/lib/pricing";

/** The price's lines: the hourly rate and the monthly band each contributes. Shared by the wizard and the detail page. */
export function CostBreakdown({ price, id }: { price: DeploymentPrice; id?: string }) {
  return (
    <div id={id} className="flex flex-col gap-2 text-xs" data-testid="cost-breakdown">
      <table className="w-full border-collapse">
        <thead className="text-muted-foreground">
          <tr className="border-b">
            <th className="py-1.5 pr-2 text-left font-medium">Item</th>
            <th className="px-2 py-1.5 text-right font-medium">Hourly</th>
            <th className="hidden px-2 py-1.5 text-right font-medium sm:table-cell">Min / month</th>
            <th className="px-2 py-1.5 text-right font-medium">Expected</th>
            <th className="hidden py-1.5 pl-2 text-right font-medium sm:table-cell">Max / month</th>
          </tr>
        </thead>
        <tbody className="tabular-nums">
          {price.lines.map((l) => (
            <tr key={l.id} className="border-b border-border/60 last:border-0">
              <td className="py-1.5 pr-2">
                <div className="font-medium">{l.label}</div>
                <div className="text-muted-foreground">{l.detail}</div>
              </td>
              <td className="px-2 py-1.5 text-right">{formatCents(l.hourlyCents)}</td>
              <td className="hidden px-2 py-1.5 text-right sm:table-cell">{formatCents(l.monthly.minCents)}</td>
              <td className="px-2 py-1.5 text-right">{formatCents(l.monthly.expectedCents)}</td>
              <td className="hidden py-1.5 pl-2 text-right sm:table-cell">{formatCents(l.monthly.maxCents)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="text-muted-foreground">
        {price.hours} hours a month. Replicas: {price.replicas.min} minimum, {price.replicas.expected} expected, {price.replicas.max} maximum;
        one replica serves about {price.replicaCapacityRpm.toLocaleString("en-US")} requests/min at the autoscaling target.
        {price.replicas.min === 0 ? " Scaled to zero, nothing is billed." : ""}
      </p>
    </div>
  );
}
