import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import type { RouterOutputs } from "@/trpc/react";
import { ConfigCard, CostCard, EndpointCard, LogsCard } from "./overview-cards";
import { Timeline } from "./timeline";

type Detail = RouterOutputs["deployments"]["byId"];

/** Endpoint, configuration and logs; cost and the live timeline beside them. */
export function OverviewTab({ d }: { d: Detail }) {
  return (
    <div className="grid gap-4 lg:grid-cols-[minmax(0,1fr)_22rem]">
      <div className="flex min-w-0 flex-col gap-4">
        <EndpointCard d={d} />
        <ConfigCard d={d} />
        <LogsCard lines={d.logs} />
      </div>
      {/* Cost and timeline lead on phones; on wide screens they sit in the right column. */}
      <div className="flex min-w-0 flex-col gap-4 lg:order-last">
        <CostCard d={d} />
        <Card className="gap-3 py-5">
          <CardHeader className="px-5">
            <CardTitle className="text-sm">Timeline</CardTitle>
          </CardHeader>
          <CardContent className="px-5">
            <Timeline deployment={d} />
          </CardContent>
        </Card>
      </div>
    </div>
  );
}
