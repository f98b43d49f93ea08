/** Flags for headless media work on a machine with no GPU and no outside network. */
export declare const CHROMIUM_ARGS: readonly string[];
/** `CHROME_PATH`, else the first Chromium/Chrome found in the usual places; undefined when none is. */
export declare function findChromium(): string | undefined;
