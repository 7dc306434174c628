// What `hpmoe compile`, `run` and `bench compile` share: their output
// streams, option parsing with `--help`, and one-line errors.

import { CommandLineError, formatHelp, parseCommandLine, type OptionSpec, type ParsedCommandLine } from "./options.js";

export interface CommandIO {
  out(text: string): void;
  err(text: string): void;
}

/** A subcommand's name (as errors show it), usage line, one-line overview and options (`help` included). */
export interface SubcommandSpec {
  readonly tool: string;
  readonly usage: string;
  readonly overview: string;
  readonly options: readonly OptionSpec[];
}

/** The `--help` option every subcommand declares. */
export const HELP_OPTION: OptionSpec = { name: "help", kind: "bool", help: "Display available options" };

/** Writes `<tool>: error: <message>` and returns exit code 1. */
export function commandError(spec: SubcommandSpec, io: CommandIO, message: string): number {
  io.err(`${spec.tool}: error: ${message}\n`);
  return 1;
}

/**
 * Parses `args` against `spec.options`. Returns the command line, or the exit
 * code when the command is already done: 0 after printing `--help`, 1 after a
 * command-line error.
 */
export function parseSubcommand(spec: SubcommandSpec, args: readonly string[], io: CommandIO): ParsedCommandLine | number {
  const cl = parseCommandLine(spec.tool, args, spec.options);
  if (cl instanceof CommandLineError) {
    io.err(cl.lines.join("\n") + "\n");
    return 1;
  }
  if (cl.values.get("help")) {
    io.out(formatHelp(spec.overview, spec.usage, spec.options));
    return 0;
  }
  return cl;
}

/** The single LAYER.yaml argument, or exit code 1 after saying what is wrong. */
export function singleLayerArgument(spec: SubcommandSpec, cl: ParsedCommandLine, io: CommandIO): string | number {
  const n = cl.positional.length;
  if (n === 1) return cl.positional[0]!;
  return commandError(spec, io, n === 0 ? `no layer config given (usage: ${spec.usage})` : `expected one layer config, got ${n}: ${cl.positional.join(" ")}`);
}

/** The `--preset` value (only `reference` exists), or exit code 1. */
export function presetOption(spec: SubcommandSpec, cl: ParsedCommandLine, io: CommandIO): "reference" | undefined | number {
  const preset = cl.values.get("preset");
  if (preset === undefined || preset === "reference") return preset;
  return commandError(spec, io, `--preset must be 'reference', got '${String(preset)}'`);
}
