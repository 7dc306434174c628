// Context: owns uniqued types and attributes, the op registry, resource blobs
// and the diagnostic engine. Everything IR-related hangs off one Context.

import type { OpDefinition } from "./operation-name.js";
import { OperationName } from "./operation-name.js";
import { DictionaryAttr } from "./builtin-attributes.js";
import { BuiltinTables } from "./builtin-tables.js";
import { DiagnosticEngine, type Severity } from "./diagnostics.js";
import type { Operation } from "./operation.js";
import type { Uniquer } from "./uniquer.js";

/** A named blob of the `builtin` dialect's resources (`dense_resource<key>`). */
export interface ResourceBlob {
  /** Alignment in bytes, a power of two. */
  readonly alignment: number;
  readonly data: Uint8Array;
}

/** A value in a `{-# external_resources #-}` entry. */
export type ResourceValue = string | boolean;

/**
 * The owner of interned IR objects. Interning is by structural key, O(1)
 * average; objects live as long as the context (as in MLIR).
 */
export class Context implements Uniquer {
  private readonly uniqued = new Map<string, object>();
  private readonly foreignIds = new WeakMap<object, number>();
  private readonly opNames = new Map<string, OperationName>();
  private readonly loadedDialects = new Set<string>();
  private nextId = 0;
  /** Accept ops, types and attributes of dialects that are not loaded. */
  allowUnregisteredDialects = false;
  readonly diagnostics = new DiagnosticEngine();
  /** Blobs named by `dense_resource` keys, set from `{-# dialect_resources #-}`. */
  readonly resourceBlobs = new Map<string, ResourceBlob>();
  /** `{-# external_resources #-}` groups (e.g. `mlir_reproducer`), key → value, in input order. */
  readonly externalResources = new Map<string, Map<string, ResourceValue>>();
  /** @internal Content-hashed uniquing tables of builtin types and attributes. */
  readonly builtinTables = new BuiltinTables();
  readonly emptyDictionary: DictionaryAttr;
  /** @internal Integer types of width ≤ 128, at `width * 3 + signedness`. */
  readonly smallTypes: (object | undefined)[] = new Array(129 * 3).fill(undefined);
  /** @internal Float types by kind. */
  readonly floatTypes = new Map<string, object>();
  /**
   * When set, `op.emitError`/`emitWarning`/`emitRemark` attach the note
   * `see current operation: <text>` (MLIR's printOpOnDiagnostic). The syntax
   * layer installs its generic printer here; mlir-opt turns this off under
   * `--verify-diagnostics`. `src/ir` never prints ops itself.
   */
  diagnosticOpPrinter: ((op: Operation, severity: Severity) => string) | undefined = undefined;
  /**
   * @internal Ops created with deferred use nodes (Operation.createDeferred), in
   * creation order; undefined when there are none. Anything that reads or
   * changes use-lists first calls flushDeferredUses, so the lists come out
   * exactly as if every op had linked its uses when it was created.
   */
  deferredUseOps: Operation[] | undefined = undefined;

  constructor(options: { allowUnregisteredDialects?: boolean } = {}) {
    this.allowUnregisteredDialects = options.allowUnregisteredDialects ?? false;
    this.emptyDictionary = DictionaryAttr.createEmpty(this);
  }

  /** @internal Links the use nodes of every deferred op, oldest first. O(their operands); O(1) when none. */
  flushDeferredUses(): void {
    const ops = this.deferredUseOps;
    if (ops === undefined) return;
    this.deferredUseOps = undefined;
    for (let i = 0; i < ops.length; i++) ops[i]!.linkDeferredUses();
  }

  /** @internal Next dense id for a new uniqued object. */
  allocateId(): number {
    return this.nextId++;
  }

  intern<T extends object>(key: string, make: () => T): T {
    let v = this.uniqued.get(key);
    if (v === undefined) {
      v = make();
      this.uniqued.set(key, v);
    }
    return v as T;
  }

  /** A dense id for an interned object that has no `id` field of its own (affine maps). */
  objectId(obj: object): number {
    let id = this.foreignIds.get(obj);
    if (id === undefined) {
      id = this.nextId++;
      this.foreignIds.set(obj, id);
    }
    return id;
  }

  /** The interned name for `name`; registered if its definition is loaded. O(1). */
  getOperationName(name: string): OperationName {
    let n = this.opNames.get(name);
    if (n === undefined) {
      n = new OperationName(name, undefined);
      this.opNames.set(name, n);
    }
    return n;
  }

  /** Registers an op kind; its dialect counts as loaded. Re-registering replaces the definition. */
  registerOperation(def: OpDefinition): OperationName {
    const n = this.getOperationName(def.name);
    n.definition = def;
    this.loadedDialects.add(n.dialect);
    return n;
  }

  /** Marks a dialect namespace as loaded (ops of a loaded dialect must be registered). */
  loadDialect(namespace: string): void {
    this.loadedDialects.add(namespace);
  }

  isDialectLoaded(namespace: string): boolean {
    return this.loadedDialects.has(namespace);
  }

  /** The registered op kinds, in registration order. */
  registeredOperations(): OperationName[] {
    return [...this.opNames.values()].filter((n) => n.isRegistered);
  }
}
