#!/usr/bin/env node
// first: V8 flags that must be set before anything is loaded (src/cli/v8-flags.ts)
import '../dist/cli/v8-flags.js';
import '../dist/cli/main.js';
