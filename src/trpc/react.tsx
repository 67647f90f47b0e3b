"use client";

import { QueryClientProvider, type QueryClient } from "@tanstack/react-query";
import { httpBatchLink, loggerLink } from "@trpc/client";
import { createTRPCReact } from "@trpc/react-query";
import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";
import { useState } from "react";
import superjson from "superjson";
import { env } from "@/env";
import type { AppRouter } from "@/server/api/root";
import { MAX_BATCH_CALLS } from "@/lib/trpc-batch";
import { createQueryClient } from "./query-client";

let browserQueryClient: QueryClient | undefined;
function getQueryClient() {
  if (typeof window === "undefined") return createQueryClient();
  return (browserQueryClient ??= createQueryClient());
}

export const api = createTRPCReact<AppRouter>();
export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;

export function TRPCReactProvider({ children }: { children: React.ReactNode }) {
  const queryClient = getQueryClient();
  const [trpcClient] = useState(() =>
    api.createClient({
      links: [
        loggerLink({
          enabled: (op) =>
            env.NODE_ENV === "development" || (op.direction === "down" && op.result instanceof Error),
        }),
        // Queries as GETs, mutations as application/json POSTs; at most MAX_BATCH_CALLS calls per request,
        // the server's cap. Not the streaming link: no procedure streams, and answering a batch as JSON
        // lines through web streams cost the server about a third more CPU per list call (bench/history.ts).
        httpBatchLink({ transformer: superjson, url: "/api/trpc", maxItems: MAX_BATCH_CALLS, headers: () => ({ "x-trpc-source": "react" }) }),
      ],
    }),
  );
  return (
    <QueryClientProvider client={queryClient}>
      <api.Provider client={trpcClient} queryClient={queryClient}>
        {children}
      </api.Provider>
    </QueryClientProvider>
  );
}
