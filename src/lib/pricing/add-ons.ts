/**
 * Per-endpoint extras, billed by the hour while at least one replica runs (so a scaled-to-zero
 * endpoint costs nothing). Hugging Face folds these into its plans; we price them after their
 * AWS counterparts (us-east-1 list prices, read 2026-12-02):
 * - private endpoint: an AWS PrivateLink interface endpoint, $0.01 per AZ-hour, in 3 AZs;
 * - request logging: CloudWatch Logs ingestion and storage for a modest endpoint, about $0.02/h.
 */

export const ADD_ONS = {
  privateEndpoint: { label: "Private endpoint", hourlyMills: 30 },
  requestLogging: { label: "Request logging", hourlyMills: 20 },
} as const;

export type AddOnId = keyof typeof ADD_ONS;
