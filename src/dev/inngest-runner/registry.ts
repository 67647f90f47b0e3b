// The synced functions, cached in memory (they change only on sync) and persisted in the store.
import { createHash } from "node:crypto";
import type { Sql } from "./db";
import * as store from "./store";
import type { CancelConfig, CronTrigger, EventTrigger, FunctionConfig, RegisteredFunction } from "./types";

/** Inngest's default when a function sets no `retries`: 4 retries, i.e. 5 attempts. */
export const DEFAULT_RETRIES = 4;

export function isCronTrigger(t: unknown): t is CronTrigger {
  return typeof (t as CronTrigger)?.cron === "string";
}
export function isEventTrigger(t: unknown): t is EventTrigger {
  return typeof (t as EventTrigger)?.event === "string";
}

/** Event names match exactly, or by a trailing wildcard ("app/*" matches "app/user.created"). */
export function eventNameMatches(pattern: string, name: string): boolean {
  if (pattern === name) return true;
  if (pattern.endsWith("*")) return name.startsWith(pattern.slice(0, -1));
  return false;
}

/** `max_attempts` sent to the SDK: the function's retries plus the first attempt. */
export function maxAttemptsOf(config: FunctionConfig): number {
  const retries = config.steps?.step?.retries?.attempts;
  return (typeof retries === "number" && retries >= 0 ? retries : DEFAULT_RETRIES) + 1;
}

/** Where the runner calls a function: its registered step URL. */
export function callUrlOf(fn: RegisteredFunction): string {
  return fn.config.steps?.step?.runtime?.url ?? `${fn.appUrl}?fnId=${encodeURIComponent(fn.id)}&stepId=step`;
}

/** A stable hash of a function list: a changed hash means the app's functions changed. */
export function hashFunctions(fns: FunctionConfig[]): string {
  const sorted = [...fns].sort((a, b) => a.id.localeCompare(b.id));
  return createHash("sha1").update(JSON.stringify(sorted)).digest("hex");
}

export class Registry {
  private byId = new Map<string, RegisteredFunction>();

  async load(q: Sql): Promise<void> {
    this.byId = new Map((await store.listFunctions(q)).map((f) => [f.id, f]));
  }

  get(id: string): RegisteredFunction | undefined {
    return this.byId.get(id);
  }

  list(): RegisteredFunction[] {
    return [...this.byId.values()].sort((a, b) => a.id.localeCompare(b.id));
  }

  /** Functions with an event trigger for `name`, each with the trigger that matched. */
  triggeredBy(name: string): Array<{ fn: RegisteredFunction; triggers: EventTrigger[] }> {
    const out: Array<{ fn: RegisteredFunction; triggers: EventTrigger[] }> = [];
    for (const fn of this.byId.values()) {
      const triggers = (fn.config.triggers ?? []).filter(isEventTrigger).filter((t) => eventNameMatches(t.event, name));
      if (triggers.length) out.push({ fn, triggers });
    }
    return out;
  }

  /** Functions whose `cancelOn` lists event `name`. */
  cancelledBy(name: string): Array<{ fn: RegisteredFunction; cancel: CancelConfig }> {
    const out: Array<{ fn: RegisteredFunction; cancel: CancelConfig }> = [];
    for (const fn of this.byId.values()) {
      for (const cancel of fn.config.cancel ?? []) if (eventNameMatches(cancel.event, name)) out.push({ fn, cancel });
    }
    return out;
  }
}
