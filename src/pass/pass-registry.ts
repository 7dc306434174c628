// Named passes that pipeline text and command-line flags can refer to (MLIR's
// PassRegistration). One registry per process by default; embedders may keep
// their own.

import type { OptionDecl } from "./pass-options.js";
import type { Pass } from "./pass.js";

/** How to make a pass, and what to show about it before making one. */
export interface PassRegistration {
  readonly argument: string;
  readonly summary: string;
  readonly create: () => Pass;
}

export class PassRegistry {
  private readonly passes = new Map<string, PassRegistration>();

  /**
   * Registers the pass `create` makes (a probe instance supplies its argument
   * and summary). Registering an argument twice is a programming error.
   */
  register(create: () => Pass): PassRegistration {
    const probe = create();
    if (this.passes.has(probe.argument)) throw new Error(`pass '${probe.argument}' is already registered`);
    const reg: PassRegistration = { argument: probe.argument, summary: probe.summary, create };
    this.passes.set(reg.argument, reg);
    return reg;
  }

  lookup(argument: string): PassRegistration | undefined {
    return this.passes.get(argument);
  }

  /** Every registration, sorted by argument. */
  list(): PassRegistration[] {
    return [...this.passes.values()].sort((a, b) => (a.argument < b.argument ? -1 : a.argument > b.argument ? 1 : 0));
  }

  /** `--list-passes`: each pass with its summary, then its options, as mlir-opt lays them out. */
  printList(): string {
    const rows: [string, string][] = [];
    for (const reg of this.list()) {
      rows.push([`  --${reg.argument}`, `-   ${reg.summary}`]);
      for (const d of reg.create().options.sortedDecls()) {
        rows.push([`    --${d.argument}${valueName(d)}`, `- ${d.description}`]);
        for (const v of d.values ?? []) rows.push([`    =${v}`, `-   ${v}`]);
      }
    }
    const width = Math.max(0, ...rows.map(([l]) => l.length)) + 2;
    return "Passes:\n" + rows.map(([l, r]) => l.padEnd(width) + r + "\n").join("");
  }
}

/** The `=<int>` placeholder LLVM's option listing shows after a valued option. */
function valueName(d: OptionDecl): string {
  switch (d.type) {
    case "bool":
      return "";
    case "int":
    case "int-list":
      return "=<int>";
    case "uint":
      return "=<uint>";
    case "long":
      return "=<long>";
    case "enum":
      return "=<value>";
    default:
      return "=<string>";
  }
}

/** The registry `hpmoe-opt` and pipeline text use unless told otherwise. */
export const globalPassRegistry = new PassRegistry();

/** Registers a pass in the global registry. */
export function registerPass(create: () => Pass): PassRegistration {
  return globalPassRegistry.register(create);
}
