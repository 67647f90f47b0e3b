// The file router's type, for the browser's uploadthing helpers (`generateReactHelpers<UploadRouter>()`).
import { datasetFileRouter } from "@/server/datasets/uploadthing-router";

export const uploadRouter = datasetFileRouter();
export type UploadRouter = typeof uploadRouter;
