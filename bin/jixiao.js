#!/usr/bin/env node
// The command. It runs the compiled code in dist/ (built by `npm ci` through
// the prepare script, or `npm run build`).
import { main } from "../dist/src/cli/main.js";

process.exitCode = await main(process.argv.slice(2));
