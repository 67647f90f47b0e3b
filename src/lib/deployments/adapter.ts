/**
 * Serving a LoRA adapter on a deployment: the adapter is one of the user's model artifacts, and it
 * runs on the base model it was trained on. deployments.create asks `adapterIssue` after looking the
 * artifact up among the caller's own (a deleted one, or someone else's, is not found: the same
 * answer, so ids cannot be probed). The issue goes under the model field, where the wizard shows it.
 */

export interface AdapterArtifact {
  name: string;
  baseModelId: string;
}

export interface AdapterIssue {
  path: string[];
  message: string;
}

export function adapterIssue(
  artifact: AdapterArtifact | null,
  model: { id: string; name: string },
  baseModelName?: string,
): AdapterIssue | null {
  const path = ["config", "modelId"];
  if (!artifact) return { path, message: "That trained model does not exist, or is not yours: choose the adapter again." };
  if (artifact.baseModelId !== model.id) {
    return {
      path,
      message: `${artifact.name} was trained on ${baseModelName ?? artifact.baseModelId}, not ${model.name}: deploy it on that model.`,
    };
  }
  return null;
}

/** An endpoint name from an artifact's name: lowercase letters, digits and dashes, 3–32 characters. */
export function endpointNameFor(artifactName: string, version?: number): string {
  const suffix = version ? `-v${version}` : "";
  const base = artifactName
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 32 - suffix.length)
    .replace(/-+$/, "");
  const name = `${base || "adapter"}${suffix}`;
  return name.length >= 3 ? name : `${name}-ep`;
}
