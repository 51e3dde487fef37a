#!/usr/bin/env node
// Entry point of the `tusoi` command. The sources are TypeScript; tsx compiles them on load
// so that a fresh clone runs with `npm install` alone (no separate build of the server).
import { register } from 'tsx/esm/api';
import { fileURLToPath } from 'node:url';

register();
const entry = new URL('../src/cli/tusoi.ts', import.meta.url);
const { main } = await import(fileURLToPath(entry));
const code = await main(process.argv.slice(2));
if (typeof code === 'number') process.exitCode = code;
