// Printing flags shared with mlir-opt print the same bytes as mlir-opt-22.
// RUN: hpmoe-opt %s --allow-unregistered-dialect --mlir-print-elementsattrs-with-hex-if-larger=2 > %t.ours
// RUN: mlir-opt %s --allow-unregistered-dialect --mlir-print-elementsattrs-with-hex-if-larger=2 > %t.ref
// RUN: diff %t.ours %t.ref
// RUN: hpmoe-opt %s --allow-unregistered-dialect --mlir-print-elementsattrs-with-hex-if-larger=-1 --mlir-print-op-generic > %t.ours
// RUN: mlir-opt %s --allow-unregistered-dialect --mlir-print-elementsattrs-with-hex-if-larger=-1 --mlir-print-op-generic > %t.ref
// RUN: diff %t.ours %t.ref
// RUN: hpmoe-opt %s --allow-unregistered-dialect --mlir-print-unique-ssa-ids > %t.ours
// RUN: mlir-opt %s --allow-unregistered-dialect --mlir-print-unique-ssa-ids > %t.ref
// RUN: diff %t.ours %t.ref
// RUN: hpmoe-opt %s --allow-unregistered-dialect --mlir-print-debuginfo --mlir-print-local-scope > %t.ours
// RUN: mlir-opt %s --allow-unregistered-dialect --mlir-print-debuginfo --mlir-print-local-scope > %t.ref
// RUN: diff %t.ours %t.ref
// RUN: hpmoe-opt %s --allow-unregistered-dialect --split-input-file --output-split-marker=//==== > %t.ours
// RUN: mlir-opt %s --allow-unregistered-dialect --split-input-file --output-split-marker=//==== > %t.ref
// RUN: diff %t.ours %t.ref

// Sibling regions reuse value numbers unless unique ids are requested.
"x.f"() ({
  %0 = "x.a"() {d = dense<[1, 2, 3]> : tensor<3xi32>} : () -> i32
}, {
  %0 = "x.a"() {d = dense<[1.0, 2.0]> : tensor<2xf32>} : () -> f32
}) : () -> ()

// -----

"x.g"() ({
^bb0(%a: i32 loc("arg.c":1:2)):
  "x.use"(%a) {s = dense<5> : tensor<8xi8>} : (i32) -> () loc(fused["a.c":1:1, "b.c":2:2])
}) : () -> ()
