// RUN: hpmoe-opt %s --split-input-file --allow-unregistered-dialect --mlir-print-op-generic --mlir-print-debuginfo --mlir-print-local-scope | FileCheck %s --check-prefix=LOCAL
// RUN: hpmoe-opt %s --split-input-file --allow-unregistered-dialect --mlir-print-op-generic --mlir-print-debuginfo | FileCheck %s --check-prefix=ALIAS
// RUN: hpmoe-opt %s --split-input-file --allow-unregistered-dialect --mlir-print-op-generic | FileCheck %s --check-prefix=NODEBUG

// Location printing under --mlir-print-debuginfo: inline with --mlir-print-local-scope (LOCAL),
// otherwise as `#loc` aliases defined after the module, nested aliases included (ALIAS). An op
// without a location gets the file:line:col of its name in the input, and an implicit module
// gets line 0, column 0. Without --mlir-print-debuginfo no location is printed (NODEBUG).

// NODEBUG-NOT: loc(
// NODEBUG-NOT: #loc

// LOCAL-LABEL: "builtin.module"() ({
// LOCAL-NEXT:    "x.file_line_col"() : () -> () loc("model.py":3:4)
// LOCAL-NEXT:    "x.name"() : () -> () loc("q_proj"("model.py":10:2))
// LOCAL-NEXT:    "x.fused"() : () -> () loc(fused["a.py":1:2, "b.py":3:4])
// LOCAL-NEXT:    "x.fused_metadata"() : () -> () loc(fused<"CSE">["a.py":1:2, "b.py":3:4])
// LOCAL-NEXT:    "x.callsite"() : () -> () loc(callsite("inner"("k.py":5:3) at "outer.py":10:8))
// LOCAL-NEXT:    "x.unknown"() : () -> () loc(unknown)
// LOCAL-NEXT:    "x.range"() : () -> () loc("f.py":3:4 to 5:6)
// LOCAL-NEXT:    "x.implicit"() : () -> () loc("{{.*}}locations.mlir":[[@LINE+35]]:1)
// LOCAL-NEXT:  }) : () -> () loc("{{.*}}locations.mlir":0:0)

// ALIAS-LABEL: "builtin.module"() ({
// ALIAS-NEXT:    "x.file_line_col"() : () -> () loc(#[[FLC:loc[0-9]*]])
// ALIAS-NEXT:    "x.name"() : () -> () loc(#[[NAME:loc[0-9]*]])
// ALIAS-NEXT:    "x.fused"() : () -> () loc(#[[FUSED:loc[0-9]*]])
// ALIAS-NEXT:    "x.fused_metadata"() : () -> () loc(#[[FUSED_META:loc[0-9]*]])
// ALIAS-NEXT:    "x.callsite"() : () -> () loc(#[[CALLSITE:loc[0-9]*]])
// ALIAS-NEXT:    "x.unknown"() : () -> () loc(#[[UNKNOWN:loc[0-9]*]])
// ALIAS-NEXT:    "x.range"() : () -> () loc(#[[RANGE:loc[0-9]*]])
// ALIAS-NEXT:    "x.implicit"() : () -> () loc(#[[IMPLICIT:loc[0-9]*]])
// ALIAS-NEXT:  }) : () -> () loc(#[[MODULE:loc[0-9]*]])
// ALIAS-DAG:   #[[MODULE]] = loc("{{.*}}locations.mlir":0:0)
// ALIAS-DAG:   #[[FLC]] = loc("model.py":3:4)
// ALIAS-DAG:   #[[NAME]] = loc("q_proj"(#[[NAME_CHILD:loc[0-9]*]]))
// ALIAS-DAG:   #[[NAME_CHILD]] = loc("model.py":10:2)
// ALIAS-DAG:   #[[FUSED]] = loc(fused[#[[A:loc[0-9]*]], #[[B:loc[0-9]*]]])
// ALIAS-DAG:   #[[FUSED_META]] = loc(fused<"CSE">[#[[A]], #[[B]]])
// ALIAS-DAG:   #[[A]] = loc("a.py":1:2)
// ALIAS-DAG:   #[[B]] = loc("b.py":3:4)
// ALIAS-DAG:   #[[CALLSITE]] = loc(callsite(#[[CALLEE:loc[0-9]*]] at #[[CALLER:loc[0-9]*]]))
// ALIAS-DAG:   #[[CALLEE]] = loc("inner"(#[[CALLEE_CHILD:loc[0-9]*]]))
// ALIAS-DAG:   #[[CALLEE_CHILD]] = loc("k.py":5:3)
// ALIAS-DAG:   #[[CALLER]] = loc("outer.py":10:8)
// ALIAS-DAG:   #[[UNKNOWN]] = loc(unknown)
// ALIAS-DAG:   #[[RANGE]] = loc("f.py":3:4 to 5:6)
// ALIAS-DAG:   #[[IMPLICIT]] = loc("{{.*}}locations.mlir":[[@LINE+8]]:1)
"x.file_line_col"() : () -> () loc("model.py":3:4)
"x.name"() : () -> () loc("q_proj"("model.py":10:2))
"x.fused"() : () -> () loc(fused["a.py":1:2, "b.py":3:4])
"x.fused_metadata"() : () -> () loc(fused<"CSE">["a.py":1:2, "b.py":3:4])
"x.callsite"() : () -> () loc(callsite("inner"("k.py":5:3) at "outer.py":10:8))
"x.unknown"() : () -> () loc(unknown)
"x.range"() : () -> () loc("f.py":3:4 to 5:6)
"x.implicit"() : () -> ()

// -----

// Block arguments carry locations too (an argument without one gets its own position), and
// location aliases may be used before their definition at the end of the input. After a split
// marker, an implicit module is located where the chunk starts: just after the marker text.

// LOCAL-LABEL: "x.region"() ({
// LOCAL-NEXT:    ^bb0(%{{.*}}: i32 loc("args.py":1:1), %{{.*}}: f32 loc("{{.*}}locations.mlir":[[@LINE+12]]:34)):
// LOCAL-NEXT:      "x.use"(%{{.*}}, %{{.*}}) : (i32, f32) -> () loc("use.py":7:7)
// LOCAL-NEXT:    }) : () -> () loc(fused["use.py":7:7, "outer.py":2:2])
// LOCAL-NEXT:  }) : () -> () loc("{{.*}}locations.mlir":[[@LINE-10]]:9)

// ALIAS-LABEL: "x.region"() ({
// ALIAS-NEXT:    ^bb0(%{{.*}}: i32 loc("args.py":1:1), %{{.*}}: f32 loc("{{.*}}locations.mlir":[[@LINE+6]]:34)):
// ALIAS-NEXT:      "x.use"(%{{.*}}, %{{.*}}) : (i32, f32) -> () loc(#[[USE:loc[0-9]*]])
// ALIAS-NEXT:    }) : () -> () loc(#[[OUTER:loc[0-9]*]])
// ALIAS-DAG:   #[[USE]] = loc("use.py":7:7)
// ALIAS-DAG:   #[[OUTER]] = loc(fused[#[[USE]], #{{loc[0-9]*}}])
"x.region"() ({
^bb0(%a: i32 loc("args.py":1:1), %b: f32):
  "x.use"(%a, %b) : (i32, f32) -> () loc(#used)
}) : () -> () loc(#outer)
#used = loc("use.py":7:7)
#outer = loc(fused[#used, "outer.py":2:2])
