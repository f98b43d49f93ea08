/**
 * Counts `playbackRate` writes on every media element of the page, whoever makes them (the player
 * under test, a library, the browser's own code through the property): the prototype's setter is
 * wrapped before any player exists. Only writes that change the rate count: writing the same value
 * again changes nothing the viewer could see or hear.
 */
const writesByElement = new WeakMap<HTMLMediaElement, number>();
/** Every counted write, in order (performance.now() and the element), for traces. */
let log: Array<{ readonly t: number; readonly element: HTMLMediaElement }> = [];

export function installRateWriteCounter(): void {
  const descriptor = Object.getOwnPropertyDescriptor(HTMLMediaElement.prototype, 'playbackRate');
  if (!descriptor?.set || !descriptor.get) throw new Error('HTMLMediaElement.prototype.playbackRate has no setter to wrap');
  const { get, set } = descriptor;
  Object.defineProperty(HTMLMediaElement.prototype, 'playbackRate', {
    ...descriptor,
    set(this: HTMLMediaElement, rate: number) {
      if (get.call(this) !== rate) {
        writesByElement.set(this, (writesByElement.get(this) ?? 0) + 1);
        log.push({ t: performance.now(), element: this });
      }
      set.call(this, rate);
    },
  });
}


/** Rate changes made on any of `elements` at or after `fromT` (performance.now()). */
export function rateWritesSince(fromT: number, elements: readonly HTMLMediaElement[]): Array<{ t: number; index: number }> {
  const found: Array<{ t: number; index: number }> = [];
  for (const entry of log) {
    if (entry.t < fromT) continue;
    const index = elements.indexOf(entry.element);
    if (index !== -1) found.push({ t: entry.t, index });
  }
  return found;
}

/** Forgets the log (a new scenario starts). */
export function clearRateWriteLog(): void {
  log = [];
}
