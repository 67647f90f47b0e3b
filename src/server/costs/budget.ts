/**
 * Budgets: the month's spend against the user's budget (src/lib/costs/budget.ts for the rule), the
 * 80% and 100% alerts (once per UTC month each: the notification's dedupe key carries the month), and
 * the hard limit: running deployments paused and live training cancelled through the user's own
 * pause and cancel paths, each with a notification, and new work refused (limitRefusal).
 */
import "server-only";
import { and, eq, gte, lt, sql } from "drizzle-orm";
import { type BudgetStatus, budgetStatus } from "@/lib/costs/budget";
import { billingPeriodOf, dayOf, monthStart, nextMonthStart } from "@/lib/costs/period";
import { formatCents } from "@/lib/pricing/money";
import { budgets, costDaily, deployments, LIVE_TRAINING_SQL, trainingJobs } from "@/server/db/schema";
import type { Db, DbOrTx } from "@/server/db/types";
import { requestDeploymentChange } from "@/server/deployments/requests";
import { notify } from "@/server/notifications/notify";
import { kickOutbox } from "@/server/outbox/dispatcher";
import { accrueTrainingJob } from "./accrue-training";
import { requestTrainingCancel } from "@/server/training/cancel";

export interface BudgetView extends BudgetStatus {
  /** The UTC month ("2026-12"). */
  period: string;
}

export async function budgetOf(db: DbOrTx, userId: string) {
  const [row] = await db
    .select({ monthlyBudgetCents: budgets.monthlyBudgetCents, hardLimit: budgets.hardLimit })
    .from(budgets)
    .where(eq(budgets.userId, userId))
    .limit(1);
  return row ?? null;
}

/** The month's spend in micro-cents, from the daily rollup. */
export async function monthSpentMicro(db: DbOrTx, userId: string, now = new Date()): Promise<number> {
  const [row] = await db
    .select({ total: sql<string | null>`sum(${costDaily.amount})` })
    .from(costDaily)
    .where(
      and(
        eq(costDaily.userId, userId),
        gte(costDaily.day, dayOf(monthStart(now))),
        lt(costDaily.day, dayOf(nextMonthStart(now))),
      ),
    );
  return Number(row?.total ?? 0);
}

export async function budgetView(db: DbOrTx, userId: string, now = new Date()): Promise<BudgetView> {
  const [budget, spent] = await Promise.all([budgetOf(db, userId), monthSpentMicro(db, userId, now)]);
  return { ...budgetStatus(spent, budget), period: billingPeriodOf(now) };
}

/** Why new work is refused now (the hard limit reached), or null. */
export async function limitRefusal(db: DbOrTx, userId: string, now = new Date()): Promise<string | null> {
  const budget = await budgetOf(db, userId);
  if (!budget?.hardLimit || budget.monthlyBudgetCents === null) return null;
  const status = budgetStatus(await monthSpentMicro(db, userId, now), budget);
  if (!status.limitReached) return null;
  return (
    `Your monthly budget of ${formatCents(budget.monthlyBudgetCents)} is used up ` +
    `(${formatCents(status.spentCents)} spent in ${billingPeriodOf(now)}, UTC) and its hard limit is on: ` +
    "raise the budget or turn the hard limit off in Settings to start new work."
  );
}

export interface Enforcement {
  alerts: number[];
  paused: string[];
  cancelled: string[];
}

const stopMessage = "Stopped by your budget's hard limit: this month's budget is used up";

/** Sends the alerts due and, with the hard limit reached, stops what runs. Safe to repeat. */
export async function enforceBudget(db: Db, userId: string, now = new Date()): Promise<Enforcement> {
  const out: Enforcement = { alerts: [], paused: [], cancelled: [] };
  const view = await budgetView(db, userId, now);
  if (view.monthlyBudgetCents === null) return out;
  const budgetText = formatCents(view.monthlyBudgetCents);
  for (const t of view.reached) {
    const id = await notify(db, {
      userId,
      type: t === 100 ? "cost_alert_100" : "cost_alert_80",
      title: t === 100 ? "Monthly budget reached" : "80% of your monthly budget used",
      body:
        `${formatCents(view.spentCents)} of ${budgetText} spent in ${view.period}.` +
        (t === 100 && view.hardLimit ? " The hard limit is on: running work is being stopped." : ""),
      resource: { type: "costs", id: null },
      dedupeKey: `budget:${userId}:${view.period}:${t}`,
    });
    if (id) out.alerts.push(t);
  }
  if (!view.limitReached) return out;

  const running = await db
    .select({ id: deployments.id, name: deployments.name })
    .from(deployments)
    .where(and(eq(deployments.userId, userId), eq(deployments.status, "active")));
  for (const d of running) {
    const result = await requestDeploymentChange(db, userId, d.id, "pause", {
      message: stopMessage,
      onMoved: (tx) =>
        notify(tx, {
          userId,
          type: "cost_alert_100",
          title: `Deployment "${d.name}" paused: monthly budget reached`,
          body: `Your budget of ${budgetText} is used up and its hard limit is on. Resume it after raising the budget.`,
          resource: { type: "deployment", id: d.id },
        }).then(() => undefined),
    });
    if (result.ok) out.paused.push(d.id);
  }
  const live = await db
    .select({ id: trainingJobs.id, name: trainingJobs.name })
    .from(trainingJobs)
    .where(and(eq(trainingJobs.userId, userId), LIVE_TRAINING_SQL));
  for (const j of live) {
    const result = await requestTrainingCancel(db, userId, j.id, {
      message: stopMessage,
      onMoved: (tx) =>
        notify(tx, {
          userId,
          type: "cost_alert_100",
          title: `Fine-tuning "${j.name}" cancelled: monthly budget reached`,
          body: `Your budget of ${budgetText} is used up and its hard limit is on. Only the steps completed are billed.`,
          resource: { type: "training_job", id: j.id },
        }).then(() => undefined),
    });
    if (result.ok) {
      out.cancelled.push(j.id);
      // The cancel billed the steps completed so far: the ledger follows at once.
      await accrueTrainingJob(db, j.id, now);
    }
  }
  // The pause and cancel events are in the outbox: send them now rather than at the next sweep.
  if (out.paused.length + out.cancelled.length > 0) kickOutbox();
  return out;
}
