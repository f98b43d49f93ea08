/** The playback rates a replay offers (the control bar's menu, the `<`/`>` keys); others are refused. */
export const PLAYBACK_RATES = [0.5, 0.75, 1, 1.25, 1.5, 2] as const;
export const MIN_RATE = PLAYBACK_RATES[0];
export const MAX_RATE = PLAYBACK_RATES[PLAYBACK_RATES.length - 1]!;
