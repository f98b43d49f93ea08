/** Every subcommand, in the order `tic-replay --help` lists them. */
import type { Command } from '../command.js';
import { composeCommand } from './compose.js';

export const COMMANDS: readonly Command[] = [composeCommand];
