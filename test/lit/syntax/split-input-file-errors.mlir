// RUN: rm -rf %t
// RUN: split-file --leading-lines %s %t
// RUN: not hpmoe-opt %t/input.mlir --split-input-file --allow-unregistered-dialect --mlir-print-op-generic 2> %t/stderr.txt \
// RUN:   | FileCheck %s
// RUN: FileCheck %s --check-prefix=ERR --input-file=%t/stderr.txt
// RUN: not hpmoe-opt %t/input.mlir --split-input-file --allow-unregistered-dialect -o %t/out.mlir
// RUN: not ls %t/out.mlir

// A chunk that fails to parse does not stop the others: every chunk is processed, the failing
// ones print nothing between their markers, diagnostics keep whole-file line numbers
// (split-file --leading-lines keeps them equal to this file's), and the exit status is 1. With
// -o nothing is written at all: a failed run leaves no output file behind.

//--- input.mlir
// CHECK-LABEL: "builtin.module"() ({
// CHECK-NEXT:    "x.ok_first"() : () -> ()
// CHECK-NEXT:  }) : () -> ()
// CHECK-EMPTY:
// CHECK-NEXT:  {{^// -{5}$}}
// CHECK-NEXT:  {{^// -{5}$}}
// CHECK-NEXT:  "builtin.module"() ({
// CHECK-NEXT:    "x.ok_middle"() : () -> ()
// CHECK-NEXT:  }) : () -> ()
// CHECK-EMPTY:
// CHECK-NEXT:  {{^// -{5}$}}
// CHECK-NEXT:  {{^// -{5}$}}
// CHECK-NEXT:  "builtin.module"() ({
// CHECK-NEXT:    "x.ok_last"() : () -> ()
"x.ok_first"() : () -> ()

// -----

// ERR: input.mlir:[[@LINE+1]]:13: error: use of undeclared SSA value name
"x.bad_use"(%nope) : (i32) -> ()

// -----

"x.ok_middle"() : () -> ()

// -----

// ERR: input.mlir:[[@LINE+1]]:10: error: reference to an undefined block
"x.br"()[^missing] : () -> ()
// ERR-NOT: error

// -----

"x.ok_last"() : () -> ()
