/**
 * Field errors from a failed deployments.create: the router validates the same schema, and tRPC's
 * error formatter sends zod's issues as `data.issues` ({ message, path: ["config", "scaling", …] }).
 */
import type { FieldPath } from "react-hook-form";
import type { DeploymentConfigInput } from "@/lib/deployments/schema";

const ROOTS = new Set(["name", "modelId", "hardware", "scaling", "environment", "security"]);

function isConfigPath(path: string): path is FieldPath<DeploymentConfigInput> {
  return ROOTS.has(path.split(".")[0]!);
}

function issuesOf(err: unknown): Array<{ message: string; path: string[] }> {
  if (typeof err !== "object" || err === null || !("data" in err)) return [];
  const data = err.data;
  if (typeof data !== "object" || data === null) return [];
  // A conflict (the name is taken) comes as one "path: message" line.
  if ("code" in data && data.code === "CONFLICT" && "message" in err && typeof err.message === "string") {
    const m = /^([\w.]+): (.+)$/.exec(err.message);
    return m ? [{ path: m[1]!.split("."), message: m[2]! }] : [];
  }
  if (!("issues" in data) || !Array.isArray(data.issues)) return [];
  return data.issues.filter(
    (i): i is { message: string; path: string[] } => typeof i?.message === "string" && Array.isArray(i.path),
  );
}

export function serverFieldErrors(err: unknown): Array<{ path: FieldPath<DeploymentConfigInput>; message: string }> {
  return issuesOf(err).flatMap((i) => {
    const path = (i.path[0] === "config" ? i.path.slice(1) : i.path).join(".");
    return isConfigPath(path) ? [{ path, message: i.message }] : [];
  });
}
