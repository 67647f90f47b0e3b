import "server-only";
import { createClerkClient } from "@clerk/nextjs/server";
import { env } from "@/env";

let client: ReturnType<typeof createClerkClient> | undefined;

function clerk() {
  client ??= createClerkClient({
    secretKey: env.CLERK_SECRET_KEY,
    publishableKey: env.NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY,
    // With a PEM key, session tokens are verified locally with no network round trip.
    jwtKey: env.CLERK_JWT_KEY,
  });
  return client;
}

function authorizedParties(): string[] | undefined {
  const list = env.CLERK_AUTHORIZED_PARTIES;
  return list?.length ? list : undefined;
}

/** Clerk's own request authentication (session cookie or Bearer token). */
export async function clerkUserIdFromRequest(req: Request): Promise<string | null> {
  const state = await clerk().authenticateRequest(req, { authorizedParties: authorizedParties() });
  const auth = state.toAuth();
  return auth && "userId" in auth ? (auth.userId ?? null) : null;
}

/** Profile for the `users` row; a best-effort Backend API call made once per new user. */
export async function clerkProfile(userId: string) {
  try {
    const u = await clerk().users.getUser(userId);
    const email = u.primaryEmailAddress?.emailAddress ?? u.emailAddresses[0]?.emailAddress ?? "";
    return { email, name: [u.firstName, u.lastName].filter(Boolean).join(" ") || u.username || null, imageUrl: u.imageUrl };
  } catch {
    return { email: "", name: null, imageUrl: null };
  }
}
