/**
 * What pricing and model fit need to know about a model. A catalog row (`Model` from the models
 * table) satisfies it as is; tests and the wizard can pass just these fields.
 */
export interface ModelSpec {
  id: string;
  name: string;
  /** Billions of parameters; the catalog stores it as a numeric string, null when undisclosed. */
  parameterCountB: number | string | null;
  /** Longest context the model accepts, in tokens. */
  contextWindow: number;
}

/** Parameters in billions, or null when the model does not disclose them (hosted-only models). */
export function parameterCountB(model: Pick<ModelSpec, "parameterCountB">): number | null {
  const raw = model.parameterCountB;
  if (raw === null || raw === "") return null;
  const n = Number(raw);
  return Number.isFinite(n) && n > 0 ? n : null;
}
