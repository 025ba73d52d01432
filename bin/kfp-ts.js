#!/usr/bin/env node
// The published entry point. Registers the TypeScript loader so the CLI (and the user's
// pipeline files) run from source with no build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv);
