/** Every subcommand, in the order `tic-replay --help` lists them. */
import type { Command } from '../command.js';

export const COMMANDS: readonly Command[] = [];
