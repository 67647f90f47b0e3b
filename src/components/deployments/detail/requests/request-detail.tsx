import type { UsageRequestView } from "@/lib/gateway/requests";
import { compact, formatMs } from "../metrics/metric-format";

function Logged({ label, text }: { label: string; text: string | null }) {
  return (
    <div className="flex min-w-0 flex-col gap-1">
      <span className="text-xs font-medium tracking-wide text-muted-foreground uppercase">{label}</span>
      <pre className="max-h-60 overflow-auto rounded-md bg-muted p-2 font-mono text-xs whitespace-pre-wrap [overflow-wrap:anywhere]">
        {text === null || text === "" ? "—" : text}
      </pre>
    </div>
  );
}

/** An expanded row: every figure, then the logged prompt and reply when request logging kept them. */
export function RequestDetail({ r, requestLogging }: { r: UsageRequestView; requestLogging: boolean }) {
  const facts: Array<[string, string]> = [
    ["Request id", r.requestId ?? "—"],
    ["Model", r.model],
    ["Source", r.source === "chat" ? "Chat" : "API"],
    ["Streamed", r.stream ? "yes" : "no"],
    ["Tokens", `${compact(r.promptTokens)} in · ${compact(r.completionTokens)} out`],
    ["Time to first token", formatMs(r.ttftMs)],
    ["Total time", formatMs(r.totalMs)],
  ];
  const logged = r.requestText !== null || r.responseText !== null;
  return (
    <div className="flex flex-col gap-3 py-1" data-testid="request-detail">
      <dl className="grid grid-cols-2 gap-x-6 gap-y-2 md:grid-cols-4">
        {facts.map(([k, v]) => (
          <div key={k} className="flex min-w-0 flex-col">
            <dt className="text-xs text-muted-foreground">{k}</dt>
            <dd className="truncate font-mono text-xs" title={v}>
              {v}
            </dd>
          </div>
        ))}
      </dl>
      {logged ? (
        <div className="grid gap-3 md:grid-cols-2">
          <Logged label="Prompt" text={r.requestText} />
          <Logged label="Reply" text={r.responseText} />
        </div>
      ) : (
        <p className="text-sm text-muted-foreground">
          {requestLogging ? "Nothing was logged for this request." : "Request logging is off: only the figures are kept."}
        </p>
      )}
    </div>
  );
}
