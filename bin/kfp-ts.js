#!/usr/bin/env node
// The command's entry point: the bundled CLI in dist/ (built by `npm run build`; in a clone, `npm ci`
// builds it through `prepare`). The user's pipeline file needs no build step of its own.
import { existsSync } from 'node:fs';

const cli = new URL('../dist/cli.mjs', import.meta.url);
if (!existsSync(cli)) {
  process.stderr.write('kfp-ts: dist/cli.mjs is missing. In a clone of kfp-ts, build it with `npm run build`.\n');
  process.exit(1);
}
const { main, internalErrorText } = await import(cli.href);
// An error that escapes main (thrown later, from a callback): a short report, never Node's own
// (a stack and a line of the bundle's minified source).
const internalError = (err) => {
  process.stderr.write(internalErrorText(err, process.argv));
  process.exit(1);
};
process.on('uncaughtException', internalError);
process.on('unhandledRejection', internalError);
process.exitCode = await main(process.argv);
