#!/usr/bin/env node
// V8 flags first, then the program: with a static import its modules would be loaded before the flags are set
import '../dist/cli/v8-flags.js';

const { runCli } = await import('../dist/cli/main.js');
await runCli();
