/**
 * A user's pause, resume and delete: the lifecycle decides whether the move is allowed from the
 * current status, the guarded write makes it (with its timeline row), and the outbox event that
 * starts the matching function goes in the same transaction.
 */
import "server-only";
import { and, eq } from "drizzle-orm";
import type { DeploymentEvent, DeploymentStatus } from "@/lib/deployment-lifecycle";
import { deployments } from "@/server/db/schema";
import type { Db, Tx } from "@/server/db/types";
import { deploymentDeleteRequested, deploymentPauseRequested, deploymentResumeRequested } from "@/server/inngest/events";
import { enqueueEvent } from "@/server/outbox";
import { advanceIn } from "./advance";

export type UserRequest = "pause" | "resume" | "delete";

const EVENT: Record<UserRequest, { lifecycle: DeploymentEvent; outbox: string; message: string }> = {
  pause: { lifecycle: "pause_requested", outbox: deploymentPauseRequested.name, message: "Pause requested" },
  resume: { lifecycle: "resume_requested", outbox: deploymentResumeRequested.name, message: "Resume requested" },
  delete: { lifecycle: "delete_requested", outbox: deploymentDeleteRequested.name, message: "Delete requested" },
};

export type RequestResult =
  | { ok: true; id: string; status: DeploymentStatus }
  | { ok: false; code: "not_found" }
  /** The lifecycle refuses the move from `status` ("Cannot pause a deployment that is paused."). */
  | { ok: false; code: "refused"; status: DeploymentStatus; reason: string };

/** For a change the app makes on the user's behalf (the budget's hard limit): its reason, and what to write with it. */
export interface RequestOptions {
  message?: string;
  /** Runs in the transaction of the move, only when it is made. */
  onMoved?: (tx: Tx) => Promise<void>;
}

export async function requestDeploymentChange(
  db: Db,
  userId: string,
  id: string,
  request: UserRequest,
  opts: RequestOptions = {},
): Promise<RequestResult> {
  const { lifecycle, outbox } = EVENT[request];
  const message = opts.message ?? EVENT[request].message;
  // A background step may move the row between the read and the guarded write: read again and retry.
  let seen: DeploymentStatus | null = null;
  for (let attempt = 0; attempt < 3; attempt++) {
    const [row] = await db
      .select({ status: deployments.status })
      .from(deployments)
      .where(and(eq(deployments.id, id), eq(deployments.userId, userId)))
      .limit(1);
    if (!row) return { ok: false, code: "not_found" };
    seen = row.status;
    const result = await db.transaction(async (tx) => {
      const moved = await advanceIn(tx, id, row.status, lifecycle, { userId, message });
      if (moved.ok) {
        await enqueueEvent(tx, { name: outbox, data: { deploymentId: id, userId } });
        await opts.onMoved?.(tx);
      }
      return moved;
    });
    if (result.ok) return { ok: true, id, status: result.to };
    if (result.current === null) return { ok: false, code: "not_found" };
    if (result.current === row.status) return { ok: false, code: "refused", status: row.status, reason: result.reason };
  }
  return { ok: false, code: "refused", status: seen ?? "pending", reason: "The deployment is changing right now; try again." };
}
