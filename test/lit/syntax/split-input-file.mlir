// RUN: hpmoe-opt %s --split-input-file --allow-unregistered-dialect --mlir-print-op-generic | FileCheck %s
// RUN: hpmoe-opt %s --split-input-file --output-split-marker="// =====" --allow-unregistered-dialect --mlir-print-op-generic \
// RUN:   | FileCheck %s --check-prefix=MARKER
// RUN: hpmoe-opt %s "--split-input-file=// ++""+++" --allow-unregistered-dialect --mlir-print-op-generic \
// RUN:   | FileCheck %s --check-prefix=CUSTOM
// RUN: not hpmoe-opt %s --allow-unregistered-dialect --mlir-print-op-generic 2>&1 | FileCheck %s --check-prefix=WHOLE

// --split-input-file parses, verifies and prints each chunk on its own: SSA names may be reused
// across chunks, numbering restarts, and outputs are joined by the default marker (CHECK) or by
// --output-split-marker (MARKER). --split-input-file=MARKER splits on another marker (CUSTOM;
// the RUN line spells it with "" so that it does not itself contain the marker). Without the
// flag the file is one module and the reused names clash (WHOLE). Markers match anywhere in a
// line, so no CHECK line here spells one out literally.

// CHECK-LABEL: "builtin.module"() ({
// CHECK-NEXT:    %[[FIRST:.*]] = "x.first"() : () -> i32
// CHECK-NEXT:  }) : () -> ()
// CHECK-EMPTY:
// CHECK-NEXT:  {{^// -{5}$}}
// CHECK-NEXT:  "builtin.module"() ({

// MARKER:       "x.first"
// MARKER:       {{^// =====$}}
// MARKER-NEXT:  "builtin.module"() ({
// MARKER-NEXT:    "x.second"

// CUSTOM-LABEL: "builtin.module"() ({
// CUSTOM-NEXT:    %[[A:.*]] = "x.first"() : () -> i32
// CUSTOM-NEXT:    %[[B:.*]] = "x.second"() : () -> i32
// CUSTOM-NEXT:  }) : () -> ()
// CUSTOM-EMPTY:
// CUSTOM-NEXT:  {{^// -{5}$}}
// CUSTOM-NEXT:  "builtin.module"() ({
// CUSTOM-NEXT:    %[[T:.*]] = "x.third"() : () -> i32

// WHOLE: split-input-file.mlir:[[@LINE+8]]:1: error: redefinition of SSA value '%a'
// WHOLE: split-input-file.mlir:[[@LINE+1]]:1: note: previously defined here
%a = "x.first"() : () -> i32

// -----

%b = "x.second"() : () -> i32
// +++++
%a = "x.third"() : () -> i32

// CHECK-NEXT:    %[[S:.*]] = "x.second"() : () -> i32
// CHECK-NEXT:    %[[T:.*]] = "x.third"() : () -> i32
// CHECK-NEXT:  }) : () -> ()

// -----

// A chunk of comments only is an empty module, whose one block prints with its label.

// CHECK-EMPTY:
// CHECK-NEXT:  {{^// -{5}$}}
// CHECK-NEXT:  "builtin.module"() ({
// CHECK-NEXT:  ^bb0:
// CHECK-NEXT:  }) : () -> ()

// MARKER:       {{^// =====$}}
// MARKER-NEXT:  "builtin.module"() ({
// MARKER-NEXT:  ^bb0:

// -----

// CHECK-EMPTY:
// CHECK-NEXT:  {{^// -{5}$}}
// CHECK-NEXT:  "builtin.module"() ({
// CHECK-NEXT:    "x.func"() ({
// CHECK-NEXT:    ^bb0(%[[X:arg0]]: i32):
// CHECK-NEXT:      %[[Y:0]] = "x.use"(%[[X]]) : (i32) -> i32

// CUSTOM:        "x.func"
// CUSTOM-NOT:    {{^// -{5}$}}
"x.func"() ({
^bb0(%x: i32):
  %y = "x.use"(%x) : (i32) -> i32
  "x.ret"() : () -> ()
}) : () -> ()
