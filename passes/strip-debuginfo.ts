// strip-debuginfo: replaces every location (ops and block arguments) with
// `loc(unknown)`, as MLIR's StripDebugInfo pass does.

import { UnknownLoc } from "../src/ir/location.js";
import { walk } from "../src/ir/walk.js";
import { Pass } from "../src/pass/pass.js";

export class StripDebugInfoPass extends Pass {
  readonly argument = "strip-debuginfo";
  readonly name = "StripDebugInfo";
  readonly summary = "Replace every location with loc(unknown)";

  runOnOperation(): void {
    const unknown = UnknownLoc.get(this.getContext());
    walk(this.getOperation(), (op) => {
      op.loc = unknown;
      for (const region of op.regions) for (let b = region.entryBlock; b; b = b.next) for (const arg of b.args) arg.loc = unknown;
    });
    // Locations are not something analyses depend on.
    this.markAllAnalysesPreserved();
  }
}
