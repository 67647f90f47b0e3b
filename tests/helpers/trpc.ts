import { createCaller } from "@/server/api/root";
import type { Db } from "@/server/db/types";
import { upsertUser } from "@/server/users/ensure-user";

let n = 0;
/** A signed-in caller for a new user with a Clerk-shaped text id. */
export async function callerFor(db: Db, name = "Test User") {
  const id = `user_test${String(++n).padStart(4, "0")}${Math.random().toString(36).slice(2, 10)}`;
  const email = `${id}@example.com`;
  await upsertUser(db, { id, email, name });
  return { id, caller: createCaller({ db, user: { id, name, email } }) };
}

export function anonymousCaller(db: Db) {
  return createCaller({ db, user: null });
}
