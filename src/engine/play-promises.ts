/** The promises play() has returned that are not settled yet: resolved when playback starts, rejected when it cannot. */
export class PlayPromises {
  #waiters: Array<{ resolve: () => void; reject: (error: unknown) => void }> = [];

  create(): Promise<void> {
    return new Promise<void>((resolve, reject) => this.#waiters.push({ resolve, reject }));
  }

  /** Moves every pending promise into a new set (to settle them differently from later ones). */
  takeAll(): PlayPromises {
    const taken = new PlayPromises();
    taken.#waiters = this.#take();
    return taken;
  }

  resolveAll(): void {
    for (const waiter of this.#take()) waiter.resolve();
  }

  rejectAll(error: unknown): void {
    for (const waiter of this.#take()) waiter.reject(error);
  }

  /** Takes the waiters out, so that what happens while they settle starts from none. */
  #take() {
    const waiters = this.#waiters;
    this.#waiters = [];
    return waiters;
  }
}
