// The TypeScript side of a YAML dialect: the hooks `dialects/<name>.ts`
// exports, keyed by op mnemonic. A YAML op lists the hook names it expects
// (`hooks: [verify, fold]`); loading fails when a listed hook is missing or an
// exported one is not listed, so the two files cannot drift apart.

import type { ConstantMaterializer } from "../ir/fold.js";
import type { OpDefinition } from "../ir/operation-name.js";

/**
 * Hooks one op may define. Every key is copied onto the op's OpDefinition
 * under the same name.
 */
export interface OpHooks {
  readonly verify?: OpDefinition["verify"];
  readonly verifyRegions?: OpDefinition["verifyRegions"];
  readonly fold?: OpDefinition["fold"];
  readonly constantValue?: OpDefinition["constantValue"];
  readonly canonicalizationPatterns?: OpDefinition["canonicalizationPatterns"];
  readonly branch?: OpDefinition["branch"];
  /** A hand-written custom form (MLIR's parse hook); comes with `printAssembly`, and replaces any declared format. */
  readonly parseAssembly?: OpDefinition["parseAssembly"];
  readonly printAssembly?: OpDefinition["printAssembly"];
  /** MLIR's OpAsmOpInterface::getAsmResultNames: name hints for results (`c0`, `cst`, `true`). */
  readonly getAsmResultNames?: OpDefinition["getAsmResultNames"];
  readonly getAsmBlockArgumentNames?: OpDefinition["getAsmBlockArgumentNames"];
}

/** Names a YAML op may list under `hooks:`. */
export const kOpHookNames: readonly (keyof OpHooks)[] = [
  "verify",
  "verifyRegions",
  "fold",
  "constantValue",
  "canonicalizationPatterns",
  "branch",
  "parseAssembly",
  "printAssembly",
  "getAsmResultNames",
  "getAsmBlockArgumentNames",
];

/** What `dialects/<name>.ts` exports as `hooks`. */
export interface DialectHooks {
  /** Per op, by mnemonic (`addi` for `arith.addi`). */
  readonly ops?: Readonly<Record<string, OpHooks>>;
  /** MLIR's Dialect::materializeConstant, registered with src/ir/fold.ts. */
  readonly materializeConstant?: ConstantMaterializer;
}

/** Names a YAML dialect may list under its top-level `hooks:`. */
export const kDialectHookNames: readonly string[] = ["materializeConstant"];
