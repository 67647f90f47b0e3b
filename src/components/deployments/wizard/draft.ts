/**
 * The wizard's draft in localStorage, so a reload keeps the user's choices. Secret values never go
 * there (only their names), and nothing about payment does: the draft holds the configuration only.
 * Reading is defensive: whatever is stored (an old shape, hand-edited JSON) is laid over the defaults
 * field by field, keeping only values of the default's type.
 */
import type { DeploymentConfigInput } from "@/lib/deployments/schema";

export const DRAFT_KEY = "radium:deployment-draft:v1";

type KeyValue = { key: string; value: string };

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** The configuration as it may be stored: every secret's value blanked. */
export function toDraft(values: DeploymentConfigInput): DeploymentConfigInput {
  return {
    ...values,
    environment: {
      ...values.environment,
      secrets: values.environment.secrets.map(({ key }) => ({ key, value: "" })),
    },
  };
}

function keyValues(raw: unknown, keepValues: boolean): KeyValue[] | undefined {
  if (!Array.isArray(raw)) return undefined;
  return raw
    .filter((x): x is Record<string, unknown> => isRecord(x) && typeof x.key === "string")
    .slice(0, 50)
    .map((x) => ({ key: String(x.key), value: keepValues && typeof x.value === "string" ? x.value : "" }));
}

/** `stored` laid over `base` where the types agree; arrays only for the two key/value lists. */
function overlay<T>(base: T, stored: unknown): T {
  if (isRecord(base) && isRecord(stored)) {
    const out: Record<string, unknown> = { ...base };
    for (const key of Object.keys(base)) {
      if (key in stored) out[key] = overlay(base[key], stored[key]);
    }
    return out as T;
  }
  if (Array.isArray(base) || isRecord(base)) return base;
  if (typeof base === typeof stored && !(typeof stored === "number" && !Number.isFinite(stored))) return stored as T;
  return base;
}

/** A stored draft (parsed JSON, or anything) merged onto the defaults; secrets come back without values. */
export function fromDraft(defaults: DeploymentConfigInput, stored: unknown): DeploymentConfigInput {
  const merged = overlay(defaults, stored);
  const env = isRecord(stored) && isRecord(stored.environment) ? stored.environment : {};
  return {
    ...merged,
    environment: {
      ...merged.environment,
      envVars: keyValues(env.envVars, true) ?? merged.environment.envVars,
      secrets: keyValues(env.secrets, false) ?? merged.environment.secrets,
    },
  };
}

export function loadDraft(defaults: DeploymentConfigInput, storage: Pick<Storage, "getItem"> = localStorage): DeploymentConfigInput | null {
  try {
    const raw = storage.getItem(DRAFT_KEY);
    return raw ? fromDraft(defaults, JSON.parse(raw)) : null;
  } catch {
    return null;
  }
}

export function saveDraft(values: DeploymentConfigInput, storage: Pick<Storage, "setItem"> = localStorage): void {
  try {
    storage.setItem(DRAFT_KEY, JSON.stringify(toDraft(values)));
  } catch {
    // Storage full or disabled (private mode): the draft is a convenience, the form still works.
  }
}

export function clearDraft(storage: Pick<Storage, "removeItem"> = localStorage): void {
  try {
    storage.removeItem(DRAFT_KEY);
  } catch {}
}
