/** The command as a process, straight from the sources (`node --import tsx src/cli/bin.ts`); `bin/tic-replay.js` runs the build. */
import { runProcess } from './main.js';

await runProcess();
