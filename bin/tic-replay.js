#!/usr/bin/env node
// The `tic-replay` command. The built command lives in dist/node (npm run build).
import { runProcess } from '../dist/node/cli/main.js';

await runProcess();
