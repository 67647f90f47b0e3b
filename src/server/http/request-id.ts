import "server-only";
import { randomUUID } from "node:crypto";

/** Header carrying the id that ties a request's response, log lines and error bodies together. */
export const REQUEST_ID_HEADER = "x-request-id";

// A caller's id is kept only if it is short and plain, so it cannot inject into logs or headers.
const SANE_ID = /^[A-Za-z0-9._:-]{8,128}$/;

/** The caller's id when it is sane, else a fresh one. */
export function saneRequestId(value: string | null | undefined): string {
  return value && SANE_ID.test(value) ? value : randomUUID();
}

/** The id of this request: the proxy has already set (or replaced) the header on the way in. */
export function requestIdOf(req: { readonly headers: Pick<Headers, "get"> }): string {
  return saneRequestId(req.headers.get(REQUEST_ID_HEADER));
}
