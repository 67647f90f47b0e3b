/** What follows a change to a user's bill: the budget's alerts and hard limit. */
import "server-only";
import type { Db } from "@/server/db/types";
import { accrueTrainingJob } from "./accrue-training";
import { type Enforcement, enforceBudget } from "./budget";

/** A training job's lines brought up to its row, then the user's budget checked. */
export async function accrueTrainingAndEnforce(db: Db, jobId: string, now = new Date()): Promise<Enforcement | null> {
  const accrued = await accrueTrainingJob(db, jobId, now);
  if (!accrued.userId || accrued.delta === 0) return null;
  return enforceBudget(db, accrued.userId, now);
}
