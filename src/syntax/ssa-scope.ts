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

/**
 * The text after `%`: a number for names that are canonical decimals below
 * kMaxNumberedName (`%0`, `%42`: what printers emit, so nearly every name),
 * which index an array without a substring or a hash; other names as strings.
 * A number prints back as the same text.
 */
export type SsaKey = string | number;

/** Numbered names at or above this are kept as strings. */
export const kMaxNumberedName = 1 << 24;

/** The key of the name `text[start, end)` (the characters after `%`). */
export function ssaKeyAt(text: string, start: number, end: number): SsaKey {
  const n = end - start;
  if (n > 0 && n <= 8) {
    let v = 0;
    let i = start;
    for (; i < end; i++) {
      const d = text.charCodeAt(i) - 48;
      if (d < 0 || d > 9) break;
      v = v * 10 + d;
    }
    // No leading zero (`%01` is another name than `%1`).
    if (i === end && (n === 1 || text.charCodeAt(start) !== 48) && v < kMaxNumberedName) return v;
  }
  return text.substring(start, end);
}

/** Everything known about one `%name`: a value per result number. */
export interface NameEntry {
  /** Value for `%name#i`; a ForwardRefValue until defined. */
  values: (Value | undefined)[];
  /** Source offset of the definition (one op or block argument defines all of a name's values); -1 while only forward-referenced. */
  defOffset: number;
  /** Number of results bound by the definition; 0 while only forward-referenced. */
  numDefined: number;
}

/**
 * Names visible while parsing one file (mlir-opt 22 does not restart names at
 * IsolatedFromAbove ops in the generic form). Each nested region
 * pushes a frame recording the names it defined; popping it hides them again.
 */
export class NameScope {
  private readonly named = new Map<string, NameEntry>();
  private readonly numbered: (NameEntry | undefined)[] = [];
  private readonly regionFrames: SsaKey[][] = [[]];
  /** Forward references created and not yet resolved. */
  numForwardRefs = 0;

  get(key: SsaKey): NameEntry | undefined {
    return typeof key === "number" ? this.numbered[key] : this.named.get(key);
  }
  /**
   * The entry of `key`, created empty if absent, with room for `size` values
   * (exactly sized: an array grown from empty would reserve 17 slots). Large
   * result numbers (`%x#100000`) grow the arrays sparsely instead.
   */
  getOrCreate(key: SsaKey, size: number): NameEntry {
    let e = this.get(key);
    if (!e) {
      if (size > 16) size = 0;
      e = { values: new Array<Value | undefined>(size), defOffset: -1, numDefined: 0 };
      if (typeof key === "number") this.numbered[key] = e;
      else this.named.set(key, e);
    }
    return e;
  }
  private delete(key: SsaKey): void {
    if (typeof key === "number") this.numbered[key] = undefined;
    else this.named.delete(key);
  }
  /** Every entry (order unspecified). */
  *entries(): IterableIterator<NameEntry> {
    for (const e of this.numbered) if (e) yield e;
    yield* this.named.values();
  }

  pushRegion(): void {
    this.regionFrames.push([]);
  }
  /** Forgets the names defined in the innermost region (forward references stay). */
  popRegion(): void {
    const keys = this.regionFrames.pop()!;
    for (const k of keys) {
      const e = this.get(k);
      if (!e) continue;
      let anyForward = false;
      for (let i = 0; i < e.values.length; i++) {
        const v = e.values[i];
        if (v instanceof ForwardRefValue) anyForward = true;
        else e.values[i] = undefined;
      }
      e.numDefined = 0;
      e.defOffset = -1;
      if (!anyForward) this.delete(k);
    }
  }
  /** Records that `key` was defined in the innermost region. */
  noteDefinition(key: SsaKey): void {
    this.regionFrames[this.regionFrames.length - 1]!.push(key);
  }
}
