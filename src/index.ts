// hpmoe's public API: everything an embedding compiler needs to build, parse,
// verify and print IR. Deep imports are not part of the contract.

export { Context, type ResourceBlob, type ResourceValue } from "./ir/context.js";
export { Attribute } from "./ir/attribute.js";
export { Type } from "./ir/type.js";
export * from "./ir/builtin-types.js";
export * from "./ir/builtin-attributes.js";
export * from "./ir/location.js";
export { Operation, IRMapping, type OperationState } from "./ir/operation.js";
export { OperationName, OpTrait, RegionKind, type OpDefinition } from "./ir/operation-name.js";
export { Block } from "./ir/block.js";
export { Region } from "./ir/region.js";
export { Value, OpResult, BlockArgument, OpOperand, BlockOperand } from "./ir/value.js";
export { walk, WalkOrder, WalkResult } from "./ir/walk.js";
export { Builder, type InsertionPoint, type CreateOptions } from "./ir/builder.js";
export { Diagnostic, DiagnosticEngine, Severity, type DiagnosticHandler } from "./ir/diagnostics.js";
export { success, failure, succeeded, failed, type LogicalResult } from "./ir/logical-result.js";
export { verify } from "./ir/verifier.js";
export { DominanceInfo } from "./ir/dominance.js";
export { SymbolTable } from "./ir/symbol-table.js";
export { registerBuiltinDialect } from "./dialect/builtin.js";
export { registerFuncDialect } from "./dialect/func.js";
export { registerControlFlowDialect } from "./dialect/cf.js";
export { registerArithDialect } from "./dialect/arith.js";
export { registerSCFDialect } from "./dialect/scf.js";
export { registerMoeDialect } from "./dialect/moe.js";
export { buildMoeModule, moeFunctionName, type MoeImportOptions } from "./layer/moe-import.js";
export { parseLayerConfig } from "./layer/layer-config-reader.js";
export type { LayerConfig, RoutingSpec, DispatchDType } from "./layer/layer-config.js";
export { generateRouting, parseRoutingFile, type Routing } from "./layer/routing.js";
export { lowerMoeToTile } from "../passes/moe-lowering.js";
export { runEmuCheck } from "./runtime/emu/emu-check.js";
export { MoeVerifyConfigPass } from "../passes/moe-verify-config.js";
export { countsAttr, kMoeRankAttr, readCounts, readSenderAttrs, routeSender, routeType, type CountsMatrix, type SenderAttrs } from "../dialects/moe-model.js";
export { registerTileDialect } from "./dialect/tile.js";
export * as tileModel from "../dialects/tile-model.js";
export * as tileBuild from "../dialects/tile-build.js";
export * as tileLinks from "../dialects/tile-links.js";
export { registerQueueDialects } from "./dialect/queue.js";
export * as queueModel from "../dialects/queue-model.js";
export * as queueBuild from "../dialects/queue-build.js";
export { registerAllDialects } from "./dialect/all-dialects.js";
export { loadDialectYaml, loadDialectFile, loadedDialectDecls } from "./dialect/dialect-loader.js";
export type { DialectHooks, OpHooks } from "./dialect/dialect-hooks.js";
export type { DialectDecl, OpDecl } from "./dialect/dialect-decl.js";
export type { OpSpec, TypeConstraint, AttrConstraint } from "./ir/op-spec.js";
export { SourceFile } from "./syntax/source.js";
export { parseSourceFile, type ParseOptions } from "./syntax/op-parser.js";
export {
  Delimiter,
  type OpAsmArgument,
  type OpAsmParser,
  type OpAsmPrinter,
  type OpAsmState,
  type Punctuation,
  type SetValueName,
  type UnresolvedOperand,
} from "./ir/op-asm.js";
export {
  compileAssemblyFormat,
  describeFormatError,
  FormatError,
  type CompiledFormat,
  type CustomDirective,
  type CustomParseSlot,
  type CustomPrintArg,
  type FormatOptions,
} from "./syntax/asm-format.js";
export type * from "./ir/op-spec.js";
export { printTopLevel, printTopLevelBytes, printOpForDiagnostic, type PrintOptions } from "./syntax/printer.js";
export { renderDiagnostic } from "./syntax/diagnostic-printer.js";
export { runOpt, type OptConfig, type OptIO } from "./cli/opt-main.js";
export { RewritePattern, PatternRewriter, type RewriteListener } from "./ir/pattern-match.js";
export { registerConstantMaterializer, constantValue, foldOperation, type ConstantMaterializer } from "./ir/fold.js";
export { isMemoryEffectFree, isOpTriviallyDead, wouldOpBeTriviallyDead } from "./ir/side-effects.js";
export type { FoldResult, BranchOpInterface } from "./ir/operation-name.js";
export { applyPatternsGreedily, setRewriteTrace, type GreedyRewriteConfig, type GreedyRewriteResult } from "./pass/greedy-driver.js";
export { Pass, PassStatistic } from "./pass/pass.js";
export { option, PassOptions, type OptionDecl, type OptionType } from "./pass/pass-options.js";
export { OpPassManager, PassManager, kAnyOp } from "./pass/pass-manager.js";
export { PassRegistry, globalPassRegistry, registerPass, type PassRegistration } from "./pass/pass-registry.js";
export { parsePassPipeline, PipelineError } from "./pass/pipeline-parser.js";
export { AnalysisManager, PreservedAnalyses, type AnalysisConstructor } from "./pass/analysis-manager.js";
export { PassInstrumentation } from "./pass/pass-instrumentation.js";
export { IRPrinterInstrumentation, type IRPrintingConfig } from "./pass/ir-printing.js";
export { registerAllPasses, CanonicalizerPass, CSEPass, StripDebugInfoPass, SymbolDCEPass } from "../passes/index.js";

import { Context } from "./ir/context.js";
import { registerBuiltinDialect } from "./dialect/builtin.js";
import { parseSourceFile } from "./syntax/op-parser.js";
import { SourceFile } from "./syntax/source.js";
import type { Operation } from "./ir/operation.js";

/**
 * Parses MLIR text (generic form, or builtin.module's custom form) into a
 * top-level module. Returns undefined after reporting errors to
 * `ctx.diagnostics`. The builtin dialect is registered on first use.
 */
export function parseSourceString(ctx: Context, text: string, filename = "<string>"): Operation | undefined {
  if (!ctx.isDialectLoaded("builtin")) registerBuiltinDialect(ctx);
  return parseSourceFile(ctx, new SourceFile(filename, Buffer.from(text, "utf8").toString("latin1")));
}
