// SSA name scope for the parser: definitions visible per region, forward
// references as placeholders, and their resolution.

import type { Type } from "../ir/type.js";
import { Value } from "../ir/value.js";

/** A use of a name not yet defined. Replaced (RAUW) when the definition appears. */
export class ForwardRefValue extends Value {
  constructor(
    type: Type,
    /** Offset of the first use, for "undeclared" diagnostics. */
    readonly useOffset: number,
  ) {
    super(type);
  }
  get definingOp(): undefined {
    return undefined;
  }
  get parentBlock(): undefined {
    return undefined;
  }
}

/** Everything known about one `%name`: a value per result number. */
export interface NameEntry {
  /** Value for `%name#i`; a ForwardRefValue until defined. */
  values: (Value | undefined)[];
  /** Source offset of each definition (-1 while only forward-referenced). */
  defOffsets: number[];
  /** Number of results bound by the definition; 0 while only forward-referenced. */
  numDefined: number;
}

/**
 * Names visible while parsing one file (mlir-opt 22 does not restart names at
 * IsolatedFromAbove ops in the generic form). Each nested region
 * pushes a frame recording the names it defined; popping it hides them again.
 */
export class NameScope {
  readonly entries = new Map<string, NameEntry>();
  private readonly regionFrames: string[][] = [[]];
  /** Forward references created and not yet resolved. */
  numForwardRefs = 0;

  pushRegion(): void {
    this.regionFrames.push([]);
  }
  /** Forgets the names defined in the innermost region (forward references stay). */
  popRegion(): void {
    const names = this.regionFrames.pop()!;
    for (const n of names) {
      const e = this.entries.get(n);
      if (!e) continue;
      let anyForward = false;
      for (let i = 0; i < e.values.length; i++) {
        const v = e.values[i];
        if (v instanceof ForwardRefValue) anyForward = true;
        else {
          e.values[i] = undefined;
          e.defOffsets[i] = -1;
        }
      }
      e.numDefined = 0;
      if (!anyForward) this.entries.delete(n);
    }
  }
  /** Records that `name` was defined in the innermost region. */
  noteDefinition(name: string): void {
    this.regionFrames[this.regionFrames.length - 1]!.push(name);
  }
}
