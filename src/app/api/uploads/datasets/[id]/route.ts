import { getDb } from "@/server/db";
import { datasetMaxBytes } from "@/server/datasets/limits";
import { receiveDatasetUpload } from "@/server/datasets/receive-upload";
import { kickOutbox } from "@/server/outbox/dispatcher";
import { route } from "@/server/http/route";

/** A dataset file's bytes, to a signed, expiring link from datasets.createUpload (local storage only). */
export const PUT = route(async (req: Request, ctx: RouteContext<"/api/uploads/datasets/[id]">) => {
  const { id } = await ctx.params;
  const res = await receiveDatasetUpload(await getDb(), req, id, { maxBytes: datasetMaxBytes() });
  // The upload confirmed itself: its validation event is in the outbox.
  if (res.ok) kickOutbox();
  return res;
});
