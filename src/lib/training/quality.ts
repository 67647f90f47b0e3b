/**
 * A trained adapter's quality, from its run's metrics alone (pure): the final training and validation
 * loss, perplexity = e^(final validation loss), and a convergence rating. The rating's rule is
 * CONVERGENCE_RULE below, word for word what the artifact page's tooltip shows; `convergenceOf`
 * applies exactly that rule and names the facts that decided it.
 */

export const CONVERGENCE_RATINGS = ["excellent", "good", "fair", "poor"] as const;
export type ConvergenceRating = (typeof CONVERGENCE_RATINGS)[number];

export const CONVERGENCE_LABELS: Record<ConvergenceRating, string> = {
  excellent: "Excellent",
  good: "Good",
  fair: "Fair",
  poor: "Poor",
};

/** Out of 5, for the stars beside the label. */
export const CONVERGENCE_STARS: Record<ConvergenceRating, number> = { excellent: 5, good: 4, fair: 3, poor: 1 };

/** Points averaged at each end of the run, so one noisy step cannot decide the rating. */
export const SMOOTHING_POINTS = 5;

/**
 * The thresholds: a rating needs at least this much reduction of the training loss AND at most this
 * much rise of the final validation loss over its best (overfitting). Checked from the top down.
 */
export const CONVERGENCE_THRESHOLDS = [
  { rating: "excellent", minReduction: 0.5, maxOverfit: 0.03 },
  { rating: "good", minReduction: 0.3, maxOverfit: 0.1 },
  { rating: "fair", minReduction: 0.1, maxOverfit: 0.25 },
] as const satisfies readonly { rating: ConvergenceRating; minReduction: number; maxOverfit: number }[];

/** "75%", "2.5%": one decimal at most, so a value near a threshold reads on the right side of it. */
const pct = (x: number) => `${Number((x * 100).toFixed(1))}%`;

/** The rule, as users read it in the tooltip (built from the same thresholds the code applies). */
export const CONVERGENCE_RULE: string = [
  `Reduction: how much the training loss fell, from the average of the first ${SMOOTHING_POINTS} recorded steps to the average of the last ${SMOOTHING_POINTS} (half the steps each on runs of fewer than ${2 * SMOOTHING_POINTS}).`,
  "Overfitting: how far the final validation loss ended above the lowest validation loss of the run.",
  ...CONVERGENCE_THRESHOLDS.map(
    (t) =>
      `${CONVERGENCE_LABELS[t.rating]}: reduction of at least ${pct(t.minReduction)} and overfitting of at most ${pct(t.maxOverfit)}.`,
  ),
  "Poor: anything less, or a loss that is not a finite number. Without validation losses only the reduction counts.",
].join("\n");

export interface QualityPoint {
  step: number;
  trainingLoss: number;
  validationLoss: number | null;
}

export interface Convergence {
  rating: ConvergenceRating;
  label: string;
  stars: number;
  /** The facts the rating was decided on, e.g. "Training loss fell 78% (2.41 → 0.53)". */
  reasons: string[];
}

export interface TrainingQuality {
  finalTrainingLoss: number | null;
  finalValidationLoss: number | null;
  bestValidationLoss: number | null;
  bestValidationStep: number | null;
  /** e^(final validation loss): the model's average branching factor on held-out text. */
  perplexity: number | null;
  /** 0..1, see CONVERGENCE_RULE; null with fewer than two points. */
  lossReduction: number | null;
  /** Final validation loss over its best, minus 1; null without validation losses. */
  overfitting: number | null;
  convergence: Convergence;
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const loss = (x: number) => x.toFixed(3);

function rate(rating: ConvergenceRating, reasons: string[]): Convergence {
  return { rating, label: CONVERGENCE_LABELS[rating], stars: CONVERGENCE_STARS[rating], reasons };
}

/** The rating for a run's reduction and overfitting (null: no validation losses), with the rule's reasons. */
export function convergenceOf(
  reduction: number | null,
  overfitting: number | null,
  facts: { first?: number; last?: number; best?: number; final?: number } = {},
): Convergence {
  if (reduction === null || !Number.isFinite(reduction) || (overfitting !== null && !Number.isFinite(overfitting))) {
    return rate("poor", ["Not enough finite loss values to judge the run."]);
  }
  const reasons = [
    reduction >= 0
      ? `Training loss fell ${pct(reduction)}${facts.first !== undefined && facts.last !== undefined ? ` (${loss(facts.first)} → ${loss(facts.last)})` : ""}.`
      : `Training loss rose ${pct(-reduction)}.`,
    overfitting === null
      ? "No validation losses were recorded: overfitting could not be checked."
      : overfitting <= 0
        ? "Validation loss ended at its lowest."
        : `Validation loss ended ${pct(overfitting)} above its lowest${facts.best !== undefined && facts.final !== undefined ? ` (${loss(facts.best)} → ${loss(facts.final)})` : ""}.`,
  ];
  const met = CONVERGENCE_THRESHOLDS.find(
    (t) => reduction >= t.minReduction && (overfitting === null || overfitting <= t.maxOverfit),
  );
  return rate(met?.rating ?? "poor", reasons);
}

/** Quality metrics from a run's points (any order; non-finite losses are ignored). */
export function trainingQuality(points: readonly QualityPoint[]): TrainingQuality {
  const ordered = points.filter((p) => Number.isFinite(p.trainingLoss)).sort((a, b) => a.step - b.step);
  const evals = points
    .filter(
      (p): p is QualityPoint & { validationLoss: number } =>
        p.validationLoss !== null && Number.isFinite(p.validationLoss),
    )
    .sort((a, b) => a.step - b.step);

  const finalTrainingLoss = ordered.at(-1)?.trainingLoss ?? null;
  const finalValidationLoss = evals.at(-1)?.validationLoss ?? null;
  let best: (typeof evals)[number] | null = null;
  for (const e of evals) if (!best || e.validationLoss < best.validationLoss) best = e;

  let lossReduction: number | null = null;
  let first: number | undefined;
  let last: number | undefined;
  if (ordered.length >= 2) {
    const k = Math.max(1, Math.min(SMOOTHING_POINTS, Math.floor(ordered.length / 2)));
    first = mean(ordered.slice(0, k).map((p) => p.trainingLoss));
    last = mean(ordered.slice(-k).map((p) => p.trainingLoss));
    lossReduction = first > 0 ? 1 - last / first : null;
  }
  const overfitting =
    best && finalValidationLoss !== null && best.validationLoss > 0
      ? finalValidationLoss / best.validationLoss - 1
      : null;

  return {
    finalTrainingLoss,
    finalValidationLoss,
    bestValidationLoss: best?.validationLoss ?? null,
    bestValidationStep: best?.step ?? null,
    perplexity: finalValidationLoss === null ? null : Math.exp(finalValidationLoss),
    lossReduction,
    overfitting,
    convergence: convergenceOf(lossReduction, overfitting, {
      first,
      last,
      best: best?.validationLoss,
      final: finalValidationLoss ?? undefined,
    }),
  };
}
