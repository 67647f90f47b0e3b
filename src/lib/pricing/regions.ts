/**
 * Regions a deployment can run in, with the price multiplier each applies to compute (not to
 * add-ons). The list prices in ./instance-types.ts are us-east-1's; the multipliers are AWS
 * on-demand GPU instance rates in each region relative to us-east-1 (g5.xlarge, AWS price list,
 * read 2026-12-02), rounded to whole percent.
 */

export interface Region {
  id: string;
  label: string;
  /** Hugging Face's provider vendor and region name. */
  vendor: "aws";
  /** Compute price in this region as a percentage of us-east-1's (100 = same). */
  pricePercent: number;
}

export const REGIONS: readonly Region[] = [
  { id: "us-east-1", label: "US East (N. Virginia)", vendor: "aws", pricePercent: 100 },
  { id: "us-west-2", label: "US West (Oregon)", vendor: "aws", pricePercent: 100 },
  { id: "eu-west-1", label: "Europe (Ireland)", vendor: "aws", pricePercent: 112 },
  { id: "eu-central-1", label: "Europe (Frankfurt)", vendor: "aws", pricePercent: 125 },
  { id: "ap-southeast-1", label: "Asia Pacific (Singapore)", vendor: "aws", pricePercent: 138 },
  { id: "ap-northeast-1", label: "Asia Pacific (Tokyo)", vendor: "aws", pricePercent: 145 },
];

export const DEFAULT_REGION_ID = "us-east-1";

const BY_ID = new Map(REGIONS.map((r) => [r.id, r]));

export function regionById(id: string): Region | undefined {
  return BY_ID.get(id);
}

export function isRegionId(id: string): boolean {
  return BY_ID.has(id);
}
