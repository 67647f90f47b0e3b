/**
 * The wizard's accordion sections and how form errors map onto them: a field belongs to the section
 * named by its path's first segment, so the header can count its errors and the submit can open the
 * first section that has one.
 */

export const SECTIONS = [
  { id: "model", title: "Foundation Model", root: "modelId" },
  { id: "hardware", title: "Hardware Configuration", root: "hardware" },
  { id: "scaling", title: "Scaling", root: "scaling" },
  { id: "environment", title: "Environment", root: "environment" },
  { id: "security", title: "Security", root: "security" },
] as const;

export type SectionId = (typeof SECTIONS)[number]["id"];

const META_KEYS = new Set(["ref", "message", "type", "types"]);

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null;
}

/** Field errors under a react-hook-form errors node (each node with a message is one error). */
export function countErrors(node: unknown): number {
  if (!isRecord(node)) return 0;
  let n = typeof node.message === "string" ? 1 : 0;
  for (const [key, child] of Object.entries(node)) {
    if (!META_KEYS.has(key)) n += countErrors(child);
  }
  return n;
}

/** Dotted paths of every error under `node`, in object order (which follows the schema's). */
export function errorPaths(node: unknown, prefix = ""): string[] {
  if (!isRecord(node)) return [];
  const own = typeof node.message === "string" && prefix ? [prefix] : [];
  const children = Object.entries(node)
    .filter(([key]) => !META_KEYS.has(key))
    .flatMap(([key, child]) => errorPaths(child, key === "root" ? prefix : prefix ? `${prefix}.${key}` : key));
  return [...own, ...children];
}

/** Errors per section, for the header badges. */
export function sectionErrorCounts(errors: Record<string, unknown>): Record<SectionId, number> {
  return Object.fromEntries(SECTIONS.map((s) => [s.id, countErrors(errors[s.root])])) as Record<SectionId, number>;
}

/** The first section (in page order) holding an error, or null. */
export function firstSectionWithError(errors: Record<string, unknown>): SectionId | null {
  return SECTIONS.find((s) => countErrors(errors[s.root]) > 0)?.id ?? null;
}
