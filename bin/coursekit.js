#!/usr/bin/env node
// The compiled CLI lives in lib/ (npm ci runs `npm run compile` through the prepare script).
import { existsSync } from 'node:fs';
const entry = new URL('../lib/cli/main.js', import.meta.url);
if (!existsSync(entry)) {
  console.error('coursekit is not compiled yet: run `npm ci` (or `npm run compile`) in the coursekit folder first.');
  process.exit(2);
}
const { main } = await import(entry.href);
process.exitCode = await main(process.argv.slice(2));
