/**
 * Where a deployment changes state. The Inngest functions and the router ask `transition` before
 * every guarded write (`UPDATE … SET status = to WHERE status = from`), so a retried or late step
 * can never move a deployment backwards, and the UI asks canPause/canResume/canDelete for its buttons.
 *
 *   pending → provisioning → starting → active ⇄ (pausing → paused → resuming → active)
 *   any live state → failed;  any state but deleting/deleted → deleting → deleted
 */

export const DEPLOYMENT_STATUSES = [
  "pending",
  "provisioning",
  "starting",
  "active",
  "pausing",
  "paused",
  "resuming",
  "failed",
  "deleting",
  "deleted",
] as const;
export type DeploymentStatus = (typeof DEPLOYMENT_STATUSES)[number];

export const DEPLOYMENT_EVENTS = [
  "provision_started",
  "provider_ready",
  "became_active",
  "pause_requested",
  "paused",
  "resume_requested",
  "resumed",
  "delete_requested",
  "deleted",
  "failed",
] as const;
export type DeploymentEvent = (typeof DEPLOYMENT_EVENTS)[number];

export type TransitionResult =
  | { ok: true; from: DeploymentStatus; to: DeploymentStatus }
  | { ok: false; from: DeploymentStatus; event: DeploymentEvent; reason: string };

// The whole machine: anything not listed here is refused.
const TABLE: Record<DeploymentStatus, Partial<Record<DeploymentEvent, DeploymentStatus>>> = {
  pending: { provision_started: "provisioning", delete_requested: "deleting", failed: "failed" },
  provisioning: { provider_ready: "starting", delete_requested: "deleting", failed: "failed" },
  starting: { became_active: "active", delete_requested: "deleting", failed: "failed" },
  active: { pause_requested: "pausing", delete_requested: "deleting", failed: "failed" },
  pausing: { paused: "paused", delete_requested: "deleting", failed: "failed" },
  // Nothing runs while paused, so nothing can fail until it resumes.
  paused: { resume_requested: "resuming", delete_requested: "deleting" },
  resuming: { resumed: "active", delete_requested: "deleting", failed: "failed" },
  // A failed deployment can only be deleted (which tears down whatever the provider still holds).
  failed: { delete_requested: "deleting" },
  // A failed teardown lands in failed with its reason, so the user can ask to delete again.
  deleting: { deleted: "deleted", failed: "failed" },
  deleted: {},
};

export const STATUS_LABELS: Record<DeploymentStatus, string> = {
  pending: "Pending",
  provisioning: "Provisioning",
  starting: "Starting",
  active: "Active",
  pausing: "Pausing",
  paused: "Paused",
  resuming: "Resuming",
  failed: "Failed",
  deleting: "Deleting",
  deleted: "Deleted",
};

export const EVENT_LABELS: Record<DeploymentEvent, string> = {
  provision_started: "Provisioning started",
  provider_ready: "Hardware ready",
  became_active: "Endpoint active",
  pause_requested: "Pause requested",
  paused: "Paused",
  resume_requested: "Resume requested",
  resumed: "Resumed",
  delete_requested: "Delete requested",
  deleted: "Deleted",
  failed: "Failed",
};

// "pause" rather than "pause_requested" in refusals a user may read.
const ACTION: Record<DeploymentEvent, string> = {
  provision_started: "start provisioning",
  provider_ready: "mark the hardware ready",
  became_active: "activate",
  pause_requested: "pause",
  paused: "mark paused",
  resume_requested: "resume",
  resumed: "mark resumed",
  delete_requested: "delete",
  deleted: "mark deleted",
  failed: "mark failed",
};

export function transition(from: DeploymentStatus, event: DeploymentEvent): TransitionResult {
  const to = TABLE[from][event];
  if (to) return { ok: true, from, to };
  return { ok: false, from, event, reason: `Cannot ${ACTION[event]} a deployment that is ${STATUS_LABELS[from].toLowerCase()}.` };
}

/** The state `event` leads to from `from`, or null when the move is illegal. */
export function nextStatus(from: DeploymentStatus, event: DeploymentEvent): DeploymentStatus | null {
  return TABLE[from][event] ?? null;
}

const TRANSIENT = new Set<DeploymentStatus>(["pending", "provisioning", "starting", "pausing", "resuming", "deleting"]);

/** Still moving on its own: lists and pages keep refetching while any row is transient. */
export function isTransient(status: DeploymentStatus): boolean {
  return TRANSIENT.has(status);
}

/** Nothing will ever happen to it again. */
export function isTerminal(status: DeploymentStatus): boolean {
  return Object.keys(TABLE[status]).length === 0;
}

export function canPause(status: DeploymentStatus): boolean {
  return TABLE[status].pause_requested !== undefined;
}

export function canResume(status: DeploymentStatus): boolean {
  return TABLE[status].resume_requested !== undefined;
}

export function canDelete(status: DeploymentStatus): boolean {
  return TABLE[status].delete_requested !== undefined;
}

export function isDeploymentStatus(value: string): value is DeploymentStatus {
  return (DEPLOYMENT_STATUSES as readonly string[]).includes(value);
}
