/**
 * Whether an element keeps its audio's pitch at the replay's rate (the rate its media runs at: the
 * user's times the pace).
 *
 * At a speed the user chose (0.5×, 1.5×, 2×) people expect voices at their own pitch: the browser
 * time-stretches. At 1× the only rate changes are the sync's own corrections (a few % for under a
 * second), and time-stretching them costs more than it saves: measured in Chromium, each stretch
 * moves the element back 20–25 ms besides its rate's work, and while it lasts its `currentTime`
 * reads in a ±9 ms sawtooth, so a correction cannot tell when it is done. Resampled instead, a rate
 * moves the element by exactly (rate − 1) × time, smoothly, and is heard as a pitch change of the
 * correction's size (8 % at most, about a semitone, for under a second) while it lasts.
 */
export function keepsPitchAt(replayRate: number): boolean {
  return Math.abs(replayRate - 1) > NEAR_ONE;
}

/**
 * Rates this close to 1 count as 1×: the replay's pace (`picture-pace.ts`, 0.5 % off) is resampled
 * with the rest, as a pitch change of its size (8.7 cents).
 */
const NEAR_ONE = 0.01;

/**
 * Whether an element's readings follow its position smoothly: a video-only element's at any rate,
 * and one with audio at the replay's rate 1, where its corrections are resampled. At any other
 * rate its audio is time-stretched, and Chromium's `currentTime` then reads in a ±5–9 ms sawtooth:
 * its jumps are noise, not steps.
 */
export function smoothReadings(hasAudio: boolean, replayRate: number): boolean {
  return !hasAudio || !keepsPitchAt(replayRate);
}
