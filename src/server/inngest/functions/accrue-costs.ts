import "server-only";
import { cron } from "inngest";
import { accrueDeployments } from "@/server/costs/accrue-deployments";
import { accrueStorage } from "@/server/costs/accrue-storage";
import { enforceBudget } from "@/server/costs/budget";
import { getDb } from "@/server/db";
import { inngest } from "../client";
import { costsAccrueRequested } from "../events";

/**
 * The cost meters, every five minutes (or on radium/costs.accrue.requested): deployments per running
 * replica-hour, storage per ended UTC day, then the budget of every user whose bill changed. Each step
 * is safe to repeat (src/server/costs/ledger.ts), and one run at a time is enough.
 */
export const accrueCosts = inngest.createFunction(
  {
    id: "accrue-costs",
    name: "Accrue costs",
    triggers: [cron("*/5 * * * *"), costsAccrueRequested],
    concurrency: { limit: 1 },
    retries: 2,
  },
  async ({ step }) => {
    const deployments = await step.run("deployments", async () => accrueDeployments(await getDb()));
    const storage = await step.run("storage", async () => accrueStorage(await getDb()));
    const users = [...new Set([...deployments.userIds, ...storage.userIds])];
    const enforced = await step.run("budgets", async () => {
      const db = await getDb();
      const out: Array<{ userId: string; alerts: number[]; paused: string[]; cancelled: string[] }> = [];
      for (const userId of users) out.push({ userId, ...(await enforceBudget(db, userId)) });
      return out.filter((o) => o.alerts.length + o.paused.length + o.cancelled.length > 0);
    });
    return { lines: deployments.lines + storage.lines, users: users.length, enforced };
  },
);
