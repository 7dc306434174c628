// RUN: hpmoe-opt %s --split-input-file --allow-unregistered-dialect --mlir-print-op-generic | FileCheck %s
// RUN: hpmoe-opt %s --split-input-file --allow-unregistered-dialect --mlir-print-op-generic \
// RUN:   | hpmoe-opt --split-input-file --allow-unregistered-dialect --mlir-print-op-generic | FileCheck %s

// Generic printing of operations, regions, blocks and successors, as mlir-opt 22 prints them.
// The second RUN line checks that the printed form parses back to the same text. SSA names are
// captured: input names are not kept, and nested regions are numbered after their parent region.

// CHECK-LABEL: "x.func"() <{sym_name = "results"}> ({
// CHECK-NEXT:  ^bb0(%[[A:.*]]: i32, %[[B:.*]]: f32):
// CHECK-NEXT:    %[[P:.*]]:2 = "x.pair"(%[[A]]) : (i32) -> (i32, f32)
// CHECK-NEXT:    %[[S:.*]] = "x.add"(%[[P]]#0, %[[A]]) : (i32, i32) -> i32
// CHECK-NEXT:    "x.use"(%[[P]]#1, %[[S]], %[[B]]) : (f32, i32, f32) -> ()
// CHECK-NEXT:    "x.return"() : () -> ()
// CHECK-NEXT:  }) : () -> ()
// CHECK-NEXT: }) : () -> ()
"x.func"() <{sym_name = "results"}> ({
^bb0(%a: i32, %b: f32):
  %0:2 = "x.pair"(%a) : (i32) -> (i32, f32)
  %1 = "x.add"(%0#0, %a) : (i32, i32) -> i32
  "x.use"(%0#1, %1, %b) : (f32, i32, f32) -> ()
  "x.return"() : () -> ()
}) : () -> ()

// -----

// Two regions on one op; an entry block without arguments loses its label; entry arguments of a
// nested region print as %argN, continuing the count of the enclosing region.

// CHECK-LABEL: "x.func"() <{sym_name = "regions"}> ({
// CHECK-NEXT:  ^bb0(%[[C:.*]]: i1):
// CHECK-NEXT:    %[[R:.*]] = "x.if"(%[[C]]) ({
// CHECK-NEXT:      %[[T:.*]] = "x.const"() {value = 1 : i32} : () -> i32
// CHECK-NEXT:      "x.yield"(%[[T]]) : (i32) -> ()
// CHECK-NEXT:    }, {
// CHECK-NEXT:      %[[E:.*]] = "x.const"() {value = 2 : i32} : () -> i32
// CHECK-NEXT:      "x.yield"(%[[E]]) : (i32) -> ()
// CHECK-NEXT:    }) : (i1) -> i32
// CHECK-NEXT:    %[[L:.*]] = "x.loop"(%[[R]]) ({
// CHECK-NEXT:    ^bb0(%[[IV:arg.*]]: index, %[[ACC:arg.*]]: i32):
// CHECK-NEXT:      %[[N:.*]] = "x.add"(%[[ACC]], %[[R]]) : (i32, i32) -> i32
// CHECK-NEXT:      "x.yield"(%[[N]]) : (i32) -> ()
// CHECK-NEXT:    }) : (i32) -> i32
// CHECK-NEXT:    "x.return"(%[[L]]) : (i32) -> ()
"x.func"() <{sym_name = "regions"}> ({
^bb0(%c: i1):
  %r = "x.if"(%c) ({
    %t = "x.const"() {value = 1 : i32} : () -> i32
    "x.yield"(%t) : (i32) -> ()
  }, {
  ^bb0:
    %e = "x.const"() {value = 2 : i32} : () -> i32
    "x.yield"(%e) : (i32) -> ()
  }) : (i1) -> i32
  %l = "x.loop"(%r) ({
  ^bb0(%iv: index, %acc: i32):
    %n = "x.add"(%acc, %r) : (i32, i32) -> i32
    "x.yield"(%n) : (i32) -> ()
  }) : (i32) -> i32
  "x.return"(%l) : (i32) -> ()
}) : () -> ()

// -----

// Blocks are renumbered ^bb0, ^bb1, ... in order; successors print as bare labels with their
// operands folded into the operand list; non-entry blocks get `// pred:` comments listing their
// predecessors in order, and their arguments print as plain %N.

// CHECK-LABEL: "x.func"() <{sym_name = "cfg"}> ({
// CHECK-NEXT:  ^bb0(%[[C:.*]]: i1, %[[V:.*]]: i32):
// CHECK-NEXT:    "x.cond_br"(%[[C]], %[[V]])[^bb1, ^bb3] <{operandSegmentSizes = array<i32: 1, 1, 0>}> : (i1, i32) -> ()
// CHECK-NEXT:  ^bb1(%[[T:.*]]: i32):  // pred: ^bb0
// CHECK-NEXT:    %[[D:.*]] = "x.double"(%[[T]]) : (i32) -> i32
// CHECK-NEXT:    "x.br"(%[[D]])[^bb2] : (i32) -> ()
// CHECK-NEXT:  ^bb2(%[[I:.*]]: i32):  // 2 preds: ^bb1, ^bb2
// CHECK-NEXT:    %[[C2:.*]] = "x.cmp"(%[[I]]) : (i32) -> i1
// CHECK-NEXT:    "x.cond_br"(%[[C2]], %[[I]])[^bb2, ^bb3] <{operandSegmentSizes = array<i32: 1, 1, 0>}> : (i1, i32) -> ()
// CHECK-NEXT:  ^bb3:  // 2 preds: ^bb0, ^bb2
// CHECK-NEXT:    "x.return"() : () -> ()
// CHECK-NEXT:  }) : () -> ()
"x.func"() <{sym_name = "cfg"}> ({
^entry(%c: i1, %v: i32):
  "x.cond_br"(%c, %v)[^then, ^exit] <{operandSegmentSizes = array<i32: 1, 1, 0>}> : (i1, i32) -> ()
^then(%t: i32):
  %d = "x.double"(%t) : (i32) -> i32
  "x.br"(%d)[^loop] : (i32) -> ()
^loop(%i: i32):
  %c2 = "x.cmp"(%i) : (i32) -> i1
  "x.cond_br"(%c2, %i)[^loop, ^exit] <{operandSegmentSizes = array<i32: 1, 1, 0>}> : (i1, i32) -> ()
^exit:
  "x.return"() : () -> ()
}) : () -> ()

// -----

// Top-level ops without a module get an implicit one; discardable attributes print sorted by name,
// a unit attribute as its bare name.

// CHECK-LABEL: "builtin.module"() ({
// CHECK-NEXT:    %[[F:.*]] = "x.first"() : () -> i32
// CHECK-NEXT:    "x.second"(%[[F]]) {a = "s", b = 2 : i32, unit_attr} : (i32) -> ()
// CHECK-NEXT:  }) : () -> ()
%0 = "x.first"() : () -> i32
"x.second"(%0) {b = 2 : i32, a = "s", unit_attr} : (i32) -> ()

// -----

// An explicit module is the root; an empty region prints as `({` `})`, and the label of an
// entry block with no arguments is dropped even when it branches to another block.

// CHECK-LABEL: "builtin.module"() ({
// CHECK-NEXT:    "x.empty_region"() ({
// CHECK-NEXT:    }) : () -> ()
// CHECK-NEXT:    "x.two_blocks"() ({
// CHECK-NEXT:      "x.br"()[^bb1] : () -> ()
// CHECK-NEXT:    ^bb1:  // pred: ^bb0
// CHECK-NEXT:      "x.ret"() : () -> ()
// CHECK-NEXT:    }) : () -> ()
// CHECK-NEXT:  }) {x.attr} : () -> ()
// CHECK-NOT:   "builtin.module"
"builtin.module"() ({
  "x.empty_region"() ({
  }) : () -> ()
  "x.two_blocks"() ({
  ^bb0:
    "x.br"()[^bb1] : () -> ()
  ^bb1:
    "x.ret"() : () -> ()
  }) : () -> ()
}) {x.attr} : () -> ()
