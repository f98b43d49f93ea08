/** Every subcommand, in the order `tic-replay --help` lists them. */
import type { Command } from '../command.js';
import { archiveCommand } from './archive.js';
import { composeCommand } from './compose.js';
import { serveCallbackCommand } from './serve-callback.js';
import { validateCommand } from './validate.js';

export const COMMANDS: readonly Command[] = [validateCommand, archiveCommand, serveCallbackCommand, composeCommand];
