// PLACEHOLDER (Helper U): the type of Helper B's uploadthing file router, as the plan describes it
// (endpoint "datasetFile", input { datasetId }). Dropped at merge.
import { createUploadthing, type FileRouter } from "uploadthing/next";
import { z } from "zod";

const f = createUploadthing();

export const uploadRouter = {
  datasetFile: f({ blob: { maxFileSize: "1GB", maxFileCount: 1, acl: "private" } })
    .input(z.object({ datasetId: z.uuid() }))
    .middleware(({ input }) => ({ datasetId: input.datasetId }))
    .onUploadComplete(({ metadata }) => ({ datasetId: metadata.datasetId })),
} satisfies FileRouter;

export type UploadRouter = typeof uploadRouter;
