import Link from "next/link";
import { Globe, KeyRound } from "lucide-react";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { formatCents } from "@/lib/pricing";
import type { RouterOutputs } from "@/trpc/react";
import { hardwareText, regionText, replicasText } from "../config-text";
import { CopyButton } from "./copy-button";

type Detail = RouterOutputs["deployments"]["byId"];

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** The endpoint URL with copy, and which token guards it. */
export function EndpointCard({ d }: { d: Detail }) {
  return (
    <Card className="gap-3 py-5">
      <CardHeader className="px-5">
        <CardTitle className="flex items-center gap-2 text-sm">
          <Globe className="size-4 text-muted-foreground" aria-hidden /> Endpoint
        </CardTitle>
      </CardHeader>
      <CardContent className="flex flex-col gap-3 px-5">
        {d.endpointUrl ? (
          <div className="flex items-center gap-2 rounded-md border bg-muted/40 p-1.5 pl-3">
            <code className="min-w-0 flex-1 truncate font-mono text-xs" data-testid="endpoint-url">
              {d.endpointUrl}
            </code>
            <CopyButton text={d.endpointUrl} label="Copy endpoint URL" />
          </div>
        ) : (
          <p className="text-sm text-muted-foreground">The URL appears once the provider has created the endpoint.</p>
        )}
        <p className="flex items-center gap-2 text-xs text-muted-foreground">
          <KeyRound className="size-3.5" aria-hidden />
          <span className="capitalize">{d.config.security.access}</span> access · token{" "}
          {d.apiTokenPrefix ? <code className="font-mono">{d.apiTokenPrefix}…</code> : "revoked"}
        </p>
      </CardContent>
    </Card>
  );
}

/** The server's stored price: the same figures the wizard's footer showed. */
export function CostCard({ d }: { d: Detail }) {
  const m = d.cost.monthly;
  return (
    <Card className="gap-3 py-5">
      <CardHeader className="px-5">
        <CardTitle className="text-sm">Cost</CardTitle>
      </CardHeader>
      <CardContent className="flex flex-col gap-3 px-5" data-testid="cost-band">
        <div className="text-2xl font-semibold tabular-nums">
          {formatCents(d.cost.hourlyCents)}
          <span className="text-sm font-normal text-muted-foreground">/hour per replica</span>
        </div>
        <dl className="grid grid-cols-3 gap-2 text-center text-xs">
          {(
            [
              ["Minimum", m.minCents],
              ["Expected", m.expectedCents],
              ["Maximum", m.maxCents],
            ] as const
          ).map(([label, cents]) => (
            <div key={label} className="rounded-md bg-muted/50 p-2">
              <dt className="text-muted-foreground">{label}</dt>
              <dd className="font-medium tabular-nums">{formatCents(cents, { whole: true })}/mo</dd>
            </div>
          ))}
        </dl>
      </CardContent>
    </Card>
  );
}

/** What was deployed: every section of the configuration (secret names only). */
export function ConfigCard({ d }: { d: Detail }) {
  const { hardware, scaling, environment, security } = d.config;
  const trigger =
    scaling.trigger === "custom" ? `${scaling.target.metricName} at ${scaling.target.metricValue}` : `${scaling.trigger.toUpperCase()} at ${scaling.target.percent}%`;
  const facts: Array<[string, React.ReactNode]> = [
    ["Model", d.modelId],
    ...(d.config.adapter
      ? [
          [
            "Adapter",
            <Link key="adapter" href={`/models/artifacts/${d.config.adapter.artifactId}`} className="text-primary hover:underline" data-testid="deployment-adapter">
              Fine-tuned LoRA adapter
            </Link>,
          ] satisfies [string, React.ReactNode],
        ]
      : []),
    ["Hardware", hardwareText(hardware)],
    ["Replicas", `${replicasText(scaling)}${scaling.minReplicas === 0 ? ` (to zero after ${scaling.scaleToZeroAfterMinutes} min idle)` : ""}`],
    ["Autoscaling", `${trigger} · ${scaling.expectedRequestsPerMinute} req/min expected`],
    ["Environment", `${capitalize(environment.type)} · ${regionText(environment.region)} · ${environment.priority} priority`],
    ["Variables", environment.envVars.map((v) => v.key).join(", ") || "—"],
    ["Secrets", environment.secrets.map((s) => s.key).join(", ") || "—"],
    ["Security", [capitalize(security.access), security.privateEndpoint && "private endpoint", security.requestLogging && "request logging"].filter(Boolean).join(" · ")],
    ["Payment", `${capitalize(d.payment.brand)} •••• ${d.payment.last4}, expires ${String(d.payment.expMonth).padStart(2, "0")}/${d.payment.expYear}`],
    ["Terms", `version ${d.terms.version}, accepted ${d.terms.acceptedAt.toLocaleString()}`],
  ];
  return (
    <Card className="gap-3 py-5">
      <CardHeader className="px-5">
        <CardTitle className="text-sm">Configuration</CardTitle>
      </CardHeader>
      <CardContent className="px-5">
        <dl className="grid gap-x-6 gap-y-3 sm:grid-cols-2">
          {facts.map(([k, v]) => (
            <div key={k} className="flex min-w-0 flex-col gap-0.5">
              <dt className="text-xs font-medium tracking-wide text-muted-foreground uppercase">{k}</dt>
              <dd className="text-sm break-words">
                {v}
              </dd>
            </div>
          ))}
        </dl>
      </CardContent>
    </Card>
  );
}

/** The provider's recent log lines, newest at the bottom. */
export function LogsCard({ lines }: { lines: string[] }) {
  return (
    <Card className="gap-3 py-5">
      <CardHeader className="px-5">
        <CardTitle className="text-sm">Logs</CardTitle>
      </CardHeader>
      <CardContent className="px-5">
        {lines.length ? (
          <pre className="max-h-72 overflow-auto rounded-md bg-zinc-950 p-3 font-mono text-[11px] leading-relaxed text-zinc-100" data-testid="logs">
            {lines.join("\n")}
          </pre>
        ) : (
          <p className="text-sm text-muted-foreground">No log lines yet.</p>
        )}
      </CardContent>
    </Card>
  );
}
