"use client";

import { useSyncExternalStore } from "react";
import Link from "next/link";
import { Info, KeyRound } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { RouterOutputs } from "@/trpc/react";
import { CopyButton } from "../copy-button";
import { apiBaseUrl } from "./code-samples";
import { CodeSampleTabs } from "./code-sample-tabs";

type Detail = RouterOutputs["deployments"]["byId"];

// The origin is the browser's (the app may sit behind a proxy); the server render shows a placeholder.
const subscribe = () => () => {};
const useOrigin = () => useSyncExternalStore(subscribe, () => window.location.origin, () => "");

function Row({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <div className="flex min-w-0 flex-col gap-1">
      <span className="text-xs font-medium tracking-wide text-muted-foreground uppercase">{label}</span>
      <div className="flex items-center gap-2 rounded-md border bg-muted/40 p-1.5 pl-3">
        <code className="min-w-0 flex-1 truncate font-mono text-xs" data-testid={testId}>
          {value}
        </code>
        <CopyButton text={value} label={`Copy ${label.toLowerCase()}`} />
      </div>
    </div>
  );
}

/** How to call this deployment: base URL, model name, samples, and a key scoped to it. */
export function ApiTab({ d }: { d: Detail }) {
  const origin = useOrigin();
  const baseUrl = origin ? apiBaseUrl(origin) : "/api/v1";
  return (
    <Card className="gap-4 py-5">
      <CardHeader className="px-5">
        <CardTitle className="text-sm">OpenAI-compatible API</CardTitle>
        <CardDescription>
          Any OpenAI client works: point its base URL here, use the endpoint name as the model, and send an API key as the bearer token.
        </CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-4 px-5">
        <div className="grid gap-3 md:grid-cols-2">
          <Row label="Base URL" value={baseUrl} testId="api-base-url" />
          <Row label="Model" value={d.name} testId="api-model" />
        </div>
        {d.status !== "active" ? (
          <p className="flex items-start gap-2 rounded-lg bg-muted/60 p-3 text-xs text-muted-foreground">
            <Info className="mt-0.5 size-3.5 shrink-0" aria-hidden />
            Calls are answered while the deployment is active (it is {d.status} now).
          </p>
        ) : null}
        {origin ? <CodeSampleTabs baseUrl={baseUrl} model={d.name} /> : null}
        <div className="flex flex-wrap items-center justify-between gap-3 rounded-lg border p-3">
          <p className="text-sm text-muted-foreground">
            The samples read the key from <code className="font-mono">$RADIUM_API_KEY</code>.
          </p>
          <Button asChild variant="outline" size="sm">
            <Link href={`/settings/api-keys?create=1&deployment=${d.id}`}>
              <KeyRound /> Create a key for {d.name}
            </Link>
          </Button>
        </div>
      </CardContent>
    </Card>
  );
}
