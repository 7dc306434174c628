#!/usr/bin/env -S node --max-semi-space-size=32
// hpmoe-opt: the mlir-opt-compatible pass driver.

import * as fs from "node:fs";
import { runMain } from "./run-main.js";
import { runOpt } from "./opt-main.js";

runMain("hpmoe-opt", (args) =>
  runOpt("hpmoe-opt", args, {
    readStdin: () => fs.readFileSync(0),
    stdout: (text) => process.stdout.write(Buffer.from(text, "latin1")),
    stderr: (text) => process.stderr.write(Buffer.from(text, "latin1")),
  }),
);
