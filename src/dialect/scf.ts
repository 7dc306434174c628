// The scf dialect: ops declared in dialects/scf.yaml, hooks in dialects/scf.ts.

import type { Context } from "../ir/context.js";
import { hooks } from "../../dialects/scf.js";
import { loadShippedDialect } from "./dialect-loader.js";

/** Registers scf.for, scf.if, scf.while, scf.yield and scf.condition in `ctx`. Idempotent. */
export function registerSCFDialect(ctx: Context): void {
  loadShippedDialect(ctx, "scf", hooks);
}
