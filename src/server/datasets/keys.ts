/** Where a dataset's file is stored: `{userId}/{datasetId}/{file}`, with a file name storage accepts. */
import "server-only";
import { assertStorageKey } from "@/server/storage/types";

// uploadthing caps a customId at 128 characters; a Clerk user id and a UUID take about 70 of them.
const MAX_STORED_NAME = 48;

/** "My data (v2).JSONL" → "My-data-v2.jsonl": the user's name, reduced to what keys allow. */
export function storedFileName(fileName: string): string {
  const trimmed = fileName.trim();
  const dot = trimmed.lastIndexOf(".");
  const ext = dot > 0 ? trimmed.slice(dot).toLowerCase().replace(/[^a-z0-9.]/g, "") : "";
  const stem = (dot > 0 ? trimmed.slice(0, dot) : trimmed)
    .normalize("NFKD")
    .replace(/[^A-Za-z0-9._-]+/g, "-")
    .replace(/^[-.]+|[-.]+$/g, "")
    .slice(0, MAX_STORED_NAME - ext.length)
    .replace(/[-.]+$/, "");
  return `${stem || "dataset"}${ext}`;
}

export function datasetStorageKey(userId: string, datasetId: string, fileName: string): string {
  return assertStorageKey(`${userId}/${datasetId}/${storedFileName(fileName)}`);
}
