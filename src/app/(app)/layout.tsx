import { redirect } from "next/navigation";
import { env } from "@/env";
import { AppShell } from "@/components/shell/app-shell";
import { getSessionUser, lookupProfile } from "@/server/auth";
import { authMode } from "@/server/auth/mode";
import { getDb } from "@/server/db";
import { ensureUser } from "@/server/users/ensure-user";
import { kickOutbox } from "@/server/outbox/dispatcher";
import { inngestAdapter } from "@/server/inngest/client";

/** In development, INNGEST_BASE_URL is the local runner in signed mode (`npm run dev`): link its dashboard. */
function localInngestServer(): boolean {
  return env.NODE_ENV !== "production" && Boolean(env.INNGEST_BASE_URL);
}

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const user = await getSessionUser();
  if (!user) redirect("/sign-in");
  if (await ensureUser(await getDb(), user, lookupProfile)) kickOutbox();
  const inngest = inngestAdapter();
  return (
    <AppShell
      authMode={authMode()}
      user={{ name: user.name ?? "Account", email: user.email ?? "" }}
      runsUrl={inngest.mode === "dev" || localInngestServer() ? inngest.baseUrl : undefined}
    >
      {children}
    </AppShell>
  );
}
