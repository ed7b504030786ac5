#!/usr/bin/env node
// The command. It runs the bundle in dist/lib (built by `npm ci` through
// the prepare script, or `npm run build`).
import { main } from "../dist/lib/cli.js";

process.exitCode = await main(process.argv.slice(2));
