/**
 * The replay's pace: it runs at the chosen rate times `PICTURE_PACE` (99.5 %), so that every file
 * shows the same frame at the same moment.
 *
 * Why: Chromium shows a video's frames on a cadence of its own when the frame rate and the display's
 * refresh rate keep a steady ratio (50 fps on a 60 Hz display: frames held for 1, 1, 1, 1, 2 vsyncs),
 * and where that pattern starts is set per element, when its cadence locks. Two elements at the
 * same `currentTime` can then show frames one apart for part of every pattern: measured in headless
 * Chromium, eight bare 50 fps videos at rate 1 showed pictures 4–29 ms apart relative to their
 * `currentTime`s (four pages of four); at 0.995, and at 1.005, within 1.4 ms in every page (eight).
 * A cadence is kept only if it would drift less than max(half a frame, 16.7 ms) in 8 s (Chromium's
 * `video_renderer_algorithm.cc`): a rate 0.5 % off breaks that for frame rates from 12.5 fps up
 * (from 15.6 fps if the audio output's clock runs 0.1 % the other way), and the browser then picks
 * each frame by its timestamp: the same for every element on the clock. (A whole cadence, 15 fps
 * on 60 Hz, has no pattern to be out of step with.)
 *
 * What it costs: a class lasts 0.5 % longer (18 s an hour), and at 1× its sound is resampled 8.7
 * cents low (see `pitch-policy.ts`; speech sounds the same). `pace: 1` (the engine's option and
 * property; the element's `exact-rate` attribute) plays at exactly the chosen rate.
 */
export const PICTURE_PACE = 0.995;

/** The range a replay's pace may be set in (the engine's `pace`): a trim, not a speed. */
export const MIN_PACE = 0.9;
export const MAX_PACE = 1.1;
