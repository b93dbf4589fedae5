#!/usr/bin/env node
/**
 * The `gazette` command. Each sub-command lives in its own file and registers itself in
 * run-cli.ts; this file only hands it the real process.
 */
import { processIo } from './cli-io.js';
import { runCli } from './run-cli.js';

const code = await runCli(process.argv.slice(2), processIo());
// A failed command exits now, whatever is still open; a finished one (or `serve`, still
// listening) lets Node exit on its own.
if (code !== 0) process.exit(code);
