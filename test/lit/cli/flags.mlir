// Command-line behaviour shared with mlir-opt: unknown flags, -o, exit codes.
// RUN: not hpmoe-opt %s --no-such-flag 2>&1 | FileCheck %s --check-prefix=UNKNOWN
// UNKNOWN: Unknown command line argument '--no-such-flag'.  Try: 'hpmoe-opt --help'

// RUN: hpmoe-opt --help | FileCheck %s --check-prefix=HELP
// HELP: USAGE: hpmoe-opt [options] <input file>
// HELP-DAG: --mlir-print-op-generic
// HELP-DAG: --split-input-file
// HELP-DAG: --verify-diagnostics

// A failing run leaves no output file behind; a good one writes it whole.
// RUN: rm -f %t.out
// RUN: not hpmoe-opt %s --allow-unregistered-dialect --split-input-file -o %t.out 2>&1 | FileCheck %s --check-prefix=ERR
// RUN: not test -e %t.out
// ERR: error: use of undeclared SSA value name

// RUN: cat %s | not hpmoe-opt - --allow-unregistered-dialect --mlir-print-op-generic 2>&1 | FileCheck %s --check-prefix=STDIN
// STDIN: <stdin>:{{[0-9]+}}:{{[0-9]+}}: error: use of undeclared SSA value name

"x.ok"() : () -> ()

// -----

"x.use"(%undefined) : (i32) -> ()
