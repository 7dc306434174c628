// Process entry shared by the command-line tools: exit codes and the last
// line of defence against stack traces reaching users. Heap tuning is in the
// tools' `#!` lines: V8 sizes the young generation when the process starts,
// so `v8.setFlagsFromString` from here would come too late.

/**
 * Runs `main` on the process arguments and sets the exit code. An exception
 * here is a bug in hpmoe, never the input's fault: it is reported in one line
 * (set HPMOE_DEBUG=1 for the stack) with exit code 2.
 */
export function runMain(tool: string, main: (args: string[]) => number): void {
  try {
    process.exitCode = main(process.argv.slice(2));
  } catch (e) {
    const msg = e instanceof RangeError && /call stack/.test(e.message)
      ? "input nested too deeply for this tool's stack"
      : e instanceof Error ? e.message : String(e);
    process.stderr.write(`${tool}: internal error: ${msg}\n`);
    if (process.env["HPMOE_DEBUG"] && e instanceof Error && e.stack) process.stderr.write(e.stack + "\n");
    process.exitCode = 2;
  }
}
