import type { NextRequest } from "next/server";
import { env } from "@/env";
import { datasetUploadHandlers } from "@/server/datasets/uploadthing-router";
import { problem } from "@/server/http/problem";
import { route } from "@/server/http/route";
import { storageAdapter } from "@/server/storage/adapter";
import { uploadRouter } from "./core";

const handlers = datasetUploadHandlers({ token: env.UPLOADTHING_TOKEN, logLevel: "Warning" }, uploadRouter);

/** Without UPLOADTHING_TOKEN files go to local disk, and uploadthing's route is not there. */
const notConfigured = (req: Request) =>
  problem(req, { status: 404, title: "Not Found", detail: "Uploads go to local storage here (UPLOADTHING_TOKEN is not set)." });

export const GET = route((req: NextRequest) => (storageAdapter() === "uploadthing" ? handlers.GET(req) : notConfigured(req)));
export const POST = route((req: NextRequest) => (storageAdapter() === "uploadthing" ? handlers.POST(req) : notConfigured(req)));
