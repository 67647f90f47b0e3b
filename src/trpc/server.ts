import "server-only";
import { createHydrationHelpers } from "@trpc/react-query/rsc";
import { headers } from "next/headers";
import { cache } from "react";
import { createCaller, type AppRouter } from "@/server/api/root";
import { createTRPCContext } from "@/server/api/trpc";
import { afterShell } from "@/server/http/after-shell";
import { createQueryClient } from "./query-client";

// Server components call procedures in-process with the incoming request's cookies.
const createContext = cache(async () => {
  const h = new Headers(await headers());
  h.set("x-trpc-source", "rsc");
  return createTRPCContext({ req: new Request("http://internal/api/trpc", { headers: h }) });
});

const getQueryClient = cache(createQueryClient);
const caller = createCaller(createContext);

export const { trpc: api, HydrateClient } = createHydrationHelpers<AppRouter>(caller, getQueryClient);

// The same procedures, each started only once the page's shell is on its way: for prefetches whose
// rows the browser needs after hydration, not in the first bytes. Same query client, so HydrateClient
// still sends the pending query and the rows stream in behind the shell.
const callerAfterShell = createCaller(async () => {
  await afterShell();
  return createContext();
});
export const { trpc: apiAfterShell } = createHydrationHelpers<AppRouter>(callerAfterShell, getQueryClient);
