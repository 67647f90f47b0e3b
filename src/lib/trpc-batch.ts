/** Calls per tRPC batch: the server refuses more (400), and the app's client never sends more. */
export const MAX_BATCH_CALLS = 25;
