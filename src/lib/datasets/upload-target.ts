// PLACEHOLDER (Helper U): Helper B owns this type; this copy is the plan's contract, dropped at merge.

/** Where the browser sends a dataset's bytes, as `datasets.createUpload` answers. */
export type UploadTarget =
  | { kind: "local"; url: string; method: "PUT"; expiresAt: string }
  | { kind: "uploadthing"; endpoint: "datasetFile"; input: { datasetId: string } };
