#!/usr/bin/env node
import '../dist/cli/v8-flags.js';
import '../dist/cli/main.js';
