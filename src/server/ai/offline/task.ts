/**
 * What the offline model is asked to do when the prompt alone does not say it: passed as provider
 * options (which hosted providers ignore), so it never has to parse a production prompt back.
 */
import type { SharedV4ProviderOptions } from "@ai-sdk/provider";

const KEY = "radiumOffline";

export type OfflineTask = "continue";

export function offlineTaskOptions(task: OfflineTask): SharedV4ProviderOptions {
  return { [KEY]: { task } };
}

export function offlineTaskOf(providerOptions: SharedV4ProviderOptions | undefined): OfflineTask | null {
  const task = providerOptions?.[KEY]?.task;
  return task === "continue" ? task : null;
}
