/**
 * How a playing media element is steered back to the master clock: small errors are closed by
 * nudging its playbackRate (inaudible with pitch preservation), large ones by a seek. Pure: the sync
 * loop measures, this decides.
 */
export interface DriftPolicy {
  /** |drift| at or below this is left alone (seconds of media time). */
  readonly deadbandS: number;
  /** |drift| above this is fixed with a seek instead of a rate change. */
  readonly seekThresholdS: number;
  /** Drift is closed by a rate change over about this much real time (seconds). */
  readonly correctionHorizonS: number;
  /** Largest relative rate change, e.g. 0.1 = ±10 %. */
  readonly maxRateAdjust: number;
  /** Rates are rounded to this step so that tiny measurement noise does not reset the rate every frame. */
  readonly rateStep: number;
}

export const DEFAULT_DRIFT_POLICY: DriftPolicy = {
  deadbandS: 0.003,
  seekThresholdS: 0.3,
  correctionHorizonS: 0.5,
  maxRateAdjust: 0.1,
  rateStep: 0.005,
};

export type Correction =
  | { readonly kind: 'none'; readonly playbackRate: number }
  | { readonly kind: 'rate'; readonly playbackRate: number }
  | { readonly kind: 'seek'; readonly toMediaTimeS: number };

/**
 * @param driftS element time minus target time (positive: the element is ahead)
 * @param targetS where the element should be now (media seconds)
 * @param clockRate the master clock's playback rate
 * @param seekLeadS how far ahead to aim a corrective seek: media advances while the seek completes
 */
export function decideCorrection(
  driftS: number,
  targetS: number,
  clockRate: number,
  policy: DriftPolicy = DEFAULT_DRIFT_POLICY,
  seekLeadS = 0,
): Correction {
  if (!Number.isFinite(driftS)) return { kind: 'none', playbackRate: clockRate };
  const magnitude = Math.abs(driftS);
  if (magnitude > policy.seekThresholdS) {
    return { kind: 'seek', toMediaTimeS: Math.max(0, targetS + seekLeadS) };
  }
  if (magnitude <= policy.deadbandS) return { kind: 'none', playbackRate: clockRate };
  const adjust = clamp(-driftS / policy.correctionHorizonS, -policy.maxRateAdjust, policy.maxRateAdjust);
  // The change is rounded (not the rate) so that rounding can never reverse its direction.
  const steps = Math.round((clockRate * adjust) / policy.rateStep);
  return steps === 0 ? { kind: 'none', playbackRate: clockRate } : { kind: 'rate', playbackRate: clockRate + steps * policy.rateStep };
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(Math.max(value, min), max);
}
