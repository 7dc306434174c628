#!/usr/bin/env -S node --max-semi-space-size=32
// hpmoe-translate: IR to Ascend C / CCE / host / runtime tables. The emitters
// arrive with the queue dialects; until then it says so plainly.

import { runMain } from "./run-main.js";

runMain("hpmoe-translate", (args) => {
  if (args.includes("--help") || args.includes("-help")) {
    process.stdout.write("USAGE: hpmoe-translate FILE --emit=ascendc|cce|host|runtime-config|trace -o OUT\n");
    return 0;
  }
  process.stderr.write("hpmoe-translate: error: no emitter is available in this version (see the README's status table)\n");
  return 1;
});
