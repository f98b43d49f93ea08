/**
 * What every scenario shares: a fresh box on the page for each player, and a player that is
 * destroyed (and its box removed) however the scenario ends.
 */
import { createPlayer, type BenchPlayer } from '../players.js';
import type { PlayerName } from '../streams.js';

/** A fresh box on the page for one player. */
export function stage(): HTMLElement {
  const box = document.createElement('section');
  document.body.append(box);
  return box;
}

export function withPlayer<T>(name: PlayerName, run: (player: BenchPlayer) => Promise<T>): Promise<T> {
  const box = stage();
  const player = createPlayer(name, box);
  return run(player).finally(() => {
    player.destroy();
    box.remove();
  });
}
