"use client";

import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";
import type { RouterOutputs } from "@/trpc/react";
import { ApiTab } from "./api/api-tab";
import { MetricsTab } from "./metrics/metrics-tab";
import { OverviewTab } from "./overview-tab";
import { RequestsTab } from "./requests/requests-tab";
import { useUrlChoice } from "./use-url-choice";

type Detail = RouterOutputs["deployments"]["byId"];

const TABS = ["overview", "metrics", "requests", "api"] as const;
const LABELS: Record<(typeof TABS)[number], string> = { overview: "Overview", metrics: "Metrics", requests: "Requests", api: "API" };

/** Overview | Metrics | Requests | API, the open one in `?tab=`; only the open tab is mounted (and polls). */
export function DeploymentTabs({ d }: { d: Detail }) {
  const [tab, setTab] = useUrlChoice("tab", TABS, "overview");
  return (
    <Tabs value={tab} onValueChange={(v) => setTab(TABS.find((t) => t === v) ?? "overview")} className="gap-4">
      <TabsList aria-label="Deployment sections" className="w-full sm:w-fit">
        {TABS.map((t) => (
          <TabsTrigger key={t} value={t} className="px-3">
            {LABELS[t]}
          </TabsTrigger>
        ))}
      </TabsList>
      <TabsContent value="overview">
        <OverviewTab d={d} />
      </TabsContent>
      <TabsContent value="metrics">
        <MetricsTab deploymentId={d.id} />
      </TabsContent>
      <TabsContent value="requests">
        <RequestsTab deploymentId={d.id} requestLogging={d.config.security.requestLogging} />
      </TabsContent>
      <TabsContent value="api">
        <ApiTab d={d} />
      </TabsContent>
    </Tabs>
  );
}
