// Starting one function by hand, as the Invoke button of Inngest's dashboard does: a run of that
// function (and no other) with an `inngest/function.invoked` event whose data is the payload's.
import { withTx, type Core } from "./core";
import { ulid } from "./ids";
import * as store from "./store";
import { createRun } from "./transitions";
import type { InngestEvent } from "./types";

export interface InvokePayload {
  data: Record<string, unknown>;
  user?: Record<string, unknown>;
}

export type PayloadResult = { ok: true; payload: InvokePayload } | { ok: false; error: string };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** Checks a payload `{ data?: {…}, user?: {…} }`; nothing else is accepted, so typos are not silently dropped. */
export function parseInvokePayload(value: unknown): PayloadResult {
  if (!isObject(value)) return { ok: false, error: "The payload must be a JSON object such as { \"data\": {} }" };
  const unknownKeys = Object.keys(value).filter((k) => k !== "data" && k !== "user");
  if (unknownKeys.length) return { ok: false, error: `Unknown payload field(s): ${unknownKeys.join(", ")} (use "data" and "user")` };
  if (value.data !== undefined && !isObject(value.data)) return { ok: false, error: '"data" must be an object' };
  if (value.user !== undefined && !isObject(value.user)) return { ok: false, error: '"user" must be an object' };
  return { ok: true, payload: { data: value.data ?? {}, ...(value.user ? { user: value.user } : {}) } };
}

export function parseInvokeText(text: string): PayloadResult {
  try {
    return parseInvokePayload(JSON.parse(text));
  } catch (err) {
    return { ok: false, error: `The payload is not valid JSON: ${(err as Error).message}` };
  }
}

/** Starts the run; null when no function has that id. */
export async function invokeFunction(core: Core, fnId: string, payload: InvokePayload): Promise<{ runId: string; eventId: string } | null> {
  const fn = core.registry.get(fnId);
  if (!fn) return null;
  return withTx(core, async (tx) => {
    const event: InngestEvent = {
      id: ulid(tx.now),
      name: "inngest/function.invoked",
      data: { ...payload.data, _inngest: { fn_id: fnId } },
      ts: tx.now,
      ...(payload.user ? { user: payload.user } : {}),
    };
    await store.insertEvent(tx.q, event, tx.now, "dashboard");
    const runId = await createRun(tx, fn, event);
    return { runId, eventId: event.id };
  });
}
