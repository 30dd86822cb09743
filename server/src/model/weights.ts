/**
 * The reader's weights: for each cue and each label, how much it counts,
 * and how much each step of the grammar counts. Fitted on the dev month
 * (npm run train) and kept as data in reader-weights.json, so a change to
 * them shows in review as a change of figures.
 */
import fitted from './reader-weights.json';

/** What a line can be read as: first deck line, later deck line, a new paragraph, the rest of the paragraph above. */
export const EMISSION_LABELS = ['H1', 'H', 'B', 'C'] as const;
export type EmissionLabel = (typeof EMISSION_LABELS)[number];

export interface ReaderWeights {
  /** Weights per cue, one per emission label in EMISSION_LABELS order. */
  readonly features: Readonly<Record<string, readonly number[]>>;
  /** Weights of grammar steps, `from>to` by step class (^ the page's start, $ its end). */
  readonly transitions: Readonly<Record<string, number>>;
  /** How they were fitted: corpus, renderings, seeds, passes. */
  readonly fitted?: string;
}

/**
 * Cues too rare on the dev month to be fitted, though a reader is sure of
 * them: a Latin word or a number split across the break. The trainer starts
 * from these weights (H1, H, B, C) and fits the rest around them.
 */
export const PRIOR_WEIGHTS: Readonly<Record<string, readonly number[]>> = {
  'latin-across': [-4, -4, -4, 6],
  'digit-across': [-4, -4, -4, 6],
};

export const DEFAULT_WEIGHTS: ReaderWeights = fitted;
