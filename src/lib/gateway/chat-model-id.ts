/**
 * A user's deployment as a chat model: the id `deployment:<uuid>` sits in the same place as the
 * registry's model ids (chats.model, the selector, the chat request's `model`).
 */
import { isUuid } from "@/lib/uuid";

export const DEPLOYMENT_MODEL_PREFIX = "deployment:";

export function deploymentModelId(deploymentId: string): string {
  return `${DEPLOYMENT_MODEL_PREFIX}${deploymentId}`;
}

/** The deployment id in a chat model id, or null when it names no deployment. */
export function deploymentIdOfModel(modelId: string): string | null {
  if (!modelId.startsWith(DEPLOYMENT_MODEL_PREFIX)) return null;
  const id = modelId.slice(DEPLOYMENT_MODEL_PREFIX.length);
  return isUuid(id) ? id.toLowerCase() : null;
}

/** One entry of the selector's "Your deployments" group. */
export interface DeploymentChatModel {
  /** `deployment:<uuid>` */
  id: string;
  deploymentId: string;
  /** The endpoint name (also its `model` on the API). */
  name: string;
  /** e.g. "meta-llama-3.1-8b-instruct · simulator" */
  description: string;
  offline: false;
}
