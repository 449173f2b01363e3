#!/usr/bin/env node
// django-launch-gate command line (the package's bin): the bundle, in CLI mode.
process.env.DJANGO_LAUNCH_GATE_MODE = 'cli';
await import('./index.js');
