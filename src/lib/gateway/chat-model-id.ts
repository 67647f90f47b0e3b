/**
 * A user's deployment as a chat model: the id `deployment:<uuid>` sits in the same place as the
 * registry's model ids (chats.model, the selector, the chat request's `model`).
 */
export const DEPLOYMENT_MODEL_PREFIX = "deployment:";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function deploymentModelId(deploymentId: string): string {
  return `${DEPLOYMENT_MODEL_PREFIX}${deploymentId}`;
}

/** The deployment id in a chat model id, or null when it names no deployment. */
export function deploymentIdOfModel(modelId: string): string | null {
  if (!modelId.startsWith(DEPLOYMENT_MODEL_PREFIX)) return null;
  const id = modelId.slice(DEPLOYMENT_MODEL_PREFIX.length);
  return UUID.test(id) ? id.toLowerCase() : null;
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
