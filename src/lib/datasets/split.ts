/**
 * The train/validation split: example i (0-based, counting valid examples in file order) is held out when
 * floor((i + 1) · share) > floor(i · share). Exactly floor(n · share) examples are held out, spread evenly
 * over the file (a file sorted by topic still gets a validation set from every part), and the training
 * pipeline reproduces the same split with this function.
 */
export const MAX_VALIDATION_SPLIT = 0.5;

export function normalizeSplit(share: number | undefined): number {
  if (share === undefined || !Number.isFinite(share) || share <= 0) return 0;
  return Math.min(share, MAX_VALIDATION_SPLIT);
}

export function isValidationExample(index: number, share: number): boolean {
  const s = normalizeSplit(share);
  return Math.floor((index + 1) * s) > Math.floor(index * s);
}
