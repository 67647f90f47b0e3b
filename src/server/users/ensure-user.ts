import "server-only";
import { eq } from "drizzle-orm";
import { users } from "@/server/db/schema";
import type { Db } from "@/server/db/types";
import { enqueueEvent } from "@/server/outbox";
import { userCreated } from "@/server/inngest/events";
import { forgetConfirmedSessionsOf } from "@/server/auth/local-session-store";

export interface Identity {
  id: string;
  email?: string | null;
  name?: string | null;
  imageUrl?: string | null;
}

// Users already known to exist in this process: the upsert runs once per user per process,
// not on every request.
const known = new Set<string>();

/**
 * Makes sure `users` has a row for a signed-in user. A new row and its `user/created`
 * event are written in one transaction (the outbox delivers the event after commit).
 * Returns true when the row was created by this call.
 */
export async function ensureUser(
  db: Db,
  identity: Identity,
  lookupProfile?: (id: string) => Promise<Omit<Identity, "id">>,
): Promise<boolean> {
  if (known.has(identity.id)) return false;
  const [existing] = await db.select({ id: users.id }).from(users).where(eq(users.id, identity.id)).limit(1);
  if (existing) {
    known.add(identity.id);
    return false;
  }
  const profile = { ...identity, ...(lookupProfile && !identity.email ? await lookupProfile(identity.id) : {}) };
  const created = await upsertUser(db, { ...profile, id: identity.id });
  known.add(identity.id);
  return created;
}

/** Insert-or-update used by both first requests and Clerk's user.* webhooks. */
export async function upsertUser(db: Db, identity: Identity): Promise<boolean> {
  return db.transaction(async (tx) => {
    const values = {
      id: identity.id,
      email: identity.email ?? "",
      name: identity.name ?? null,
      imageUrl: identity.imageUrl ?? null,
    };
    const inserted = await tx.insert(users).values(values).onConflictDoNothing().returning({ id: users.id });
    if (inserted.length === 0) {
      await tx
        .update(users)
        .set({
          ...(identity.email ? { email: identity.email } : {}),
          ...(identity.name !== undefined ? { name: identity.name } : {}),
          ...(identity.imageUrl !== undefined ? { imageUrl: identity.imageUrl } : {}),
          updatedAt: new Date(),
        })
        .where(eq(users.id, identity.id));
      return false;
    }
    await enqueueEvent(tx, {
      name: userCreated.name,
      data: { userId: values.id, email: values.email, name: values.name },
    });
    return true;
  });
}

export async function deleteUser(db: Db, id: string): Promise<void> {
  await db.delete(users).where(eq(users.id, id));
  known.delete(id);
  // Its local sessions went with the row (cascade); none may be trusted from memory either.
  forgetConfirmedSessionsOf(id);
}

/** For tests that reuse one process across databases. */
export function forgetKnownUsers() {
  known.clear();
}
