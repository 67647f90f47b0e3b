/**
 * Where a training job changes state. The Inngest function and the router ask `transition` before
 * every guarded write (`UPDATE … SET status = to WHERE status = from`), so a retried or late step can
 * never move a job backwards, and the UI asks canCancel/isLive for its buttons and refetching.
 *
 *   queued → initializing → running → validating → saving → completed
 *   any live state → failed;  any live state → cancelled (by the user)
 *
 * Users see seed 003's `JobStage` (Queued, Initializing, Training, Validating, Saving, Completed):
 * one stage per live status, and a failed or cancelled job keeps the stage it stopped in.
 */

export const TRAINING_STATUSES = [
  "queued",
  "initializing",
  "running",
  "validating",
  "saving",
  "completed",
  "failed",
  "cancelled",
] as const;
export type TrainingStatus = (typeof TRAINING_STATUSES)[number];

export const TRAINING_EVENTS = [
  "initialize",
  "training_started",
  "validation_started",
  "saving_started",
  "completed",
  "failed",
  "cancel_requested",
] as const;
export type TrainingEvent = (typeof TRAINING_EVENTS)[number];

export type TrainingTransitionResult =
  | { ok: true; from: TrainingStatus; to: TrainingStatus }
  | { ok: false; from: TrainingStatus; event: TrainingEvent; reason: string };

// The whole machine: anything not listed here is refused. The forward path has no shortcuts, so a
// job that reaches completed has passed through every stage (see `forwardPath` for catching up).
const TABLE: Record<TrainingStatus, Partial<Record<TrainingEvent, TrainingStatus>>> = {
  queued: { initialize: "initializing", failed: "failed", cancel_requested: "cancelled" },
  initializing: { training_started: "running", failed: "failed", cancel_requested: "cancelled" },
  running: { validation_started: "validating", failed: "failed", cancel_requested: "cancelled" },
  validating: { saving_started: "saving", failed: "failed", cancel_requested: "cancelled" },
  // Cancelling while saving throws the adapter away; the user asked, and only completed steps are billed.
  saving: { completed: "completed", failed: "failed", cancel_requested: "cancelled" },
  completed: {},
  failed: {},
  cancelled: {},
};

export const TRAINING_STATUS_LABELS: Record<TrainingStatus, string> = {
  queued: "Queued",
  initializing: "Initializing",
  running: "Training",
  validating: "Validating",
  saving: "Saving",
  completed: "Completed",
  failed: "Failed",
  cancelled: "Cancelled",
};

export const TRAINING_EVENT_LABELS: Record<TrainingEvent, string> = {
  initialize: "Initializing",
  training_started: "Training started",
  validation_started: "Validation started",
  saving_started: "Saving the adapter",
  completed: "Completed",
  failed: "Failed",
  cancel_requested: "Cancelled by you",
};

// Verbs for refusals a user may read ("Cannot cancel a job that is completed.").
const ACTION: Record<TrainingEvent, string> = {
  initialize: "initialize",
  training_started: "start training",
  validation_started: "start validating",
  saving_started: "start saving",
  completed: "complete",
  failed: "mark failed",
  cancel_requested: "cancel",
};

export function transition(from: TrainingStatus, event: TrainingEvent): TrainingTransitionResult {
  const to = TABLE[from][event];
  if (to) return { ok: true, from, to };
  return {
    ok: false,
    from,
    event,
    reason: `Cannot ${ACTION[event]} a job that is ${TRAINING_STATUS_LABELS[from].toLowerCase()}.`,
  };
}

/** The state `event` leads to from `from`, or null when the move is illegal. */
export function nextStatus(from: TrainingStatus, event: TrainingEvent): TrainingStatus | null {
  return TABLE[from][event] ?? null;
}

const FORWARD: readonly TrainingStatus[] = ["queued", "initializing", "running", "validating", "saving", "completed"];
const FORWARD_EVENT: Partial<Record<TrainingStatus, TrainingEvent>> = {
  initializing: "initialize",
  running: "training_started",
  validating: "validation_started",
  saving: "saving_started",
  completed: "completed",
};

/**
 * The events that walk the forward path from `from` to `to`, in order: a poll can find the provider
 * two stages further on, and each stage is still recorded. [] when already there; null when `to` is
 * not ahead of `from` on the forward path (use `transition` for failed and cancelled).
 */
export function forwardPath(from: TrainingStatus, to: TrainingStatus): TrainingEvent[] | null {
  const i = FORWARD.indexOf(from);
  const j = FORWARD.indexOf(to);
  if (i < 0 || j < 0 || j < i) return null;
  return FORWARD.slice(i + 1, j + 1).map((s) => FORWARD_EVENT[s]!);
}

/** Nothing will ever happen to it again. */
export function isTerminal(status: TrainingStatus): boolean {
  return Object.keys(TABLE[status]).length === 0;
}

/** Still moving on its own: monitors and lists keep refetching while any job is live. */
export function isLive(status: TrainingStatus): boolean {
  return !isTerminal(status);
}

export function canCancel(status: TrainingStatus): boolean {
  return TABLE[status].cancel_requested !== undefined;
}

export function isTrainingStatus(value: string): value is TrainingStatus {
  return (TRAINING_STATUSES as readonly string[]).includes(value);
}

// ——— Stages shown to users (seed 003's JobStage) ———

export const JOB_STAGES = ["queued", "initializing", "training", "validating", "saving", "completed"] as const;
export type JobStage = (typeof JOB_STAGES)[number];

export const JOB_STAGE_LABELS: Record<JobStage, string> = {
  queued: "Queued",
  initializing: "Initializing",
  training: "Training",
  validating: "Validating",
  saving: "Saving",
  completed: "Completed",
};

const STAGE_OF: Record<TrainingStatus, JobStage | null> = {
  queued: "queued",
  initializing: "initializing",
  running: "training",
  validating: "validating",
  saving: "saving",
  completed: "completed",
  failed: null,
  cancelled: null,
};

/** The stage a status shows; null for failed and cancelled, which keep the stage they stopped in. */
export function stageOf(status: TrainingStatus): JobStage | null {
  return STAGE_OF[status];
}

/** The stage to store with a new status: its own, or (failed, cancelled) the one it stopped in. */
export function stageAfter(status: TrainingStatus, previousStage: JobStage): JobStage {
  return STAGE_OF[status] ?? previousStage;
}

export function isJobStage(value: string): value is JobStage {
  return (JOB_STAGES as readonly string[]).includes(value);
}

export type StageStepState = "done" | "current" | "failed" | "cancelled" | "upcoming";

export interface StageStep {
  stage: JobStage;
  label: string;
  state: StageStepState;
}

/**
 * The stage indicator, one step per stage: stages before the current one are done; the current one
 * is current (done once completed), or failed/cancelled where the job stopped; later ones upcoming.
 */
export function stageSteps(status: TrainingStatus, stage: JobStage): StageStep[] {
  const at = JOB_STAGES.indexOf(stage);
  const here: StageStepState =
    status === "failed" ? "failed" : status === "cancelled" ? "cancelled" : status === "completed" ? "done" : "current";
  return JOB_STAGES.map((s, i) => ({
    stage: s,
    label: JOB_STAGE_LABELS[s],
    state: i < at ? "done" : i === at ? here : "upcoming",
  }));
}
