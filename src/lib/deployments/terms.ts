import { z } from "zod";

/**
 * The version of the terms of service the wizard shows. Bump it when the text changes: the server
 * refuses an acceptance of another version, so a draft opened before the change must accept again.
 */
export const TERMS_VERSION = "2026-12-01";

export const termsAcceptanceSchema = z.object({
  accepted: z.literal(true, { error: "Accept the terms of service to deploy." }),
  version: z.literal(TERMS_VERSION, {
    error: "The terms of service have changed since you accepted them: read and accept them again.",
  }),
});
export type TermsAcceptance = z.output<typeof termsAcceptanceSchema>;
