// Generated-invariant and trait failures across builtin, arith and scf.
"func.func"() <{function_type = (f32, i32) -> (), sym_name = "f"}> ({
  ^bb0(%a: f32, %b: i32):
    %0 = "arith.addi"(%a, %b) : (f32, i32) -> i32
    "func.return"() : () -> ()
  }) : () -> ()
// -----
"func.func"() <{function_type = (i32) -> (), sym_name = "f"}> ({
  ^bb0(%a: i32):
    %0 = "arith.cmpi"(%a, %a) {predicate = 12 : i64} : (i32, i32) -> i32
    "func.return"() : () -> ()
  }) : () -> ()
// -----
"func.func"() <{function_type = (i1, i32) -> (), sym_name = "f"}> ({
  ^bb0(%c: i1, %a: i32):
    "scf.if"(%c) ({ "scf.yield"(%a) : (i32) -> () }, {}) : (i1) -> ()
    "func.return"() : () -> ()
  }) : () -> ()
// -----
"func.func"() <{function_type = (i1, i32) -> (), sym_name = "f"}> ({
  ^bb0(%c: i1, %a: i32):
    "scf.if"(%c) ({ "func.return"() : () -> () }, {}) : (i1) -> ()
    "func.return"() : () -> ()
  }) : () -> ()
// -----
"func.func"() <{function_type = (i1, i32) -> (), sym_name = "f"}> ({
  ^bb0(%c: i1, %a: i32):
    "scf.yield"() : () -> ()
    "func.return"() : () -> ()
  }) : () -> ()
// -----
"func.func"() <{function_type = (i1, i32) -> (), sym_name = "f"}> ({
  ^bb0(%c: i1, %a: i32):
    %0 = "scf.if"(%c) ({ "scf.yield"(%a) : (i32) -> () }, { "scf.yield"() : () -> () }) : (i1) -> i32
    "func.return"() : () -> ()
  }) : () -> ()
// -----
"func.func"() <{function_type = (i1, index) -> (), sym_name = "f"}> ({
  ^bb0(%c: i1, %a: index):
    "scf.for"(%a, %a, %a) ({ ^bb0(%i: i32): "scf.yield"() : () -> () }) : (index, index, index) -> ()
    "func.return"() : () -> ()
  }) : () -> ()
// -----
"func.func"() <{function_type = (i1, index) -> (), sym_name = "f"}> ({
  ^bb0(%c: i1, %a: index):
    "scf.for"(%a, %a, %a) ({ ^bb0(%i: index): "scf.yield"(%a) : (index) -> () }) : (index, index, index) -> ()
    "func.return"() : () -> ()
  }) : () -> ()
// -----
"func.func"() <{function_type = (i1, index) -> (), sym_name = "f"}> ({
  ^bb0(%c: i1, %a: index):
    %0 = "scf.for"(%a, %a, %a, %c) ({ ^bb0(%i: index, %x: i1): "scf.yield"(%x) : (i1) -> () }) : (index, index, index, i1) -> i32
    "func.return"() : () -> ()
  }) : () -> ()
// -----
"func.func"() <{function_type = (i1, index) -> (), sym_name = "f"}> ({
  ^bb0(%c: i1, %a: index):
    %0 = "scf.while"(%a) ({ ^bb0(%x: index): "scf.condition"(%c) : (i1) -> () }, { ^bb0: "scf.yield"(%a) : (index) -> () }) : (index) -> index
    "func.return"() : () -> ()
  }) : () -> ()
// -----
"func.func"() <{function_type = (i1, index) -> (), sym_name = "f"}> ({
  ^bb0(%c: i1, %a: index):
    "scf.condition"(%c) : (i1) -> ()
    "func.return"() : () -> ()
  }) : () -> ()
// -----
"func.func"() <{function_type = (i1, index) -> (), sym_name = "f"}> ({
  ^bb0(%c: i1, %a: index):
    "scf.for"(%a, %a, %a) ({ ^bb0(%i: index): "arith.addi"(%i, %i) : (index, index) -> index }) : (index, index, index) -> ()
    "func.return"() : () -> ()
  }) : () -> ()
// -----
"builtin.module"() ({ ^bb0(%x: i32): }) {sym_name = 3 : i32} : () -> ()
// -----
"func.func"() <{function_type = (vector<4xi32>) -> (), sym_name = "f"}> ({
  ^bb0(%a: vector<4xi32>):
    %0 = "arith.cmpi"(%a, %a) {predicate = 1 : i64} : (vector<4xi32>, vector<4xi32>) -> i1
    "func.return"() : () -> ()
  }) : () -> ()
// -----
"func.func"() <{function_type = (i32) -> (), sym_name = "f"}> ({
  ^bb0(%a: i32):
    %0 = "arith.constant"() {value = "x"} : () -> i32
    "func.return"() : () -> ()
  }) : () -> ()
// -----
"func.func"() <{function_type = (i32) -> (), sym_name = "f"}> ({
  ^bb0(%a: i32):
    %0 = "arith.index_cast"(%a) : (i32) -> f32
    "func.return"() : () -> ()
  }) : () -> ()
// -----
"func.func"() <{function_type = (i32) -> (), sym_name = "f"}> ({
  ^bb0(%a: i32):
    %0 = "arith.trunci"(%a) : (i32) -> i64
    "func.return"() : () -> ()
  }) : () -> ()
// -----
"func.func"() <{function_type = (f32) -> (), sym_name = "f"}> ({
  ^bb0(%a: f32):
    %0 = "arith.extf"(%a) : (f32) -> f16
    "func.return"() : () -> ()
  }) : () -> ()
// -----
"func.func"() <{function_type = (i32) -> (), sym_name = "f"}> ({
  ^bb0(%a: i32):
    %0 = "arith.bitcast"(%a) : (i32) -> f16
    "func.return"() : () -> ()
  }) : () -> ()
// -----
"func.func"() <{function_type = (i32) -> (), sym_name = "f"}> ({
^bb0(%a: i32):
  "cf.br"()[^bb1, ^bb1] : () -> ()
^bb1:
  "func.return"() : () -> ()
}) : () -> ()
// -----
"func.func"() <{function_type = (i32) -> (), sym_name = "f"}> ({
^bb0(%a: i32):
  "cf.cond_br"(%a)[^bb1, ^bb1] <{operandSegmentSizes = array<i32: 1, 0, 0>}> : (i32) -> ()
^bb1:
  "func.return"() : () -> ()
}) : () -> ()
// -----
"func.func"() <{function_type = (i1) -> (), sym_name = "f"}> ({
^bb0(%a: i1):
  "cf.cond_br"(%a)[^bb1, ^bb1] <{operandSegmentSizes = array<i32: 1, 1, 0>}> : (i1) -> ()
^bb1:
  "func.return"() : () -> ()
}) : () -> ()
// -----
"func.func"() <{function_type = (i1) -> (), sym_name = "f"}> ({
^bb0(%a: i1):
  "cf.cond_br"(%a)[^bb1, ^bb1] <{operandSegmentSizes = array<i32: 1, 0>}> : (i1) -> ()
^bb1:
  "func.return"() : () -> ()
}) : () -> ()
// -----
"func.func"() <{function_type = () -> (), sym_name = "f"}> ({
  "func.call"() : () -> ()
  "func.return"() : () -> ()
}) : () -> ()
// -----
"func.func"() <{function_type = (i32) -> (), sym_name = "f"}> ({
^bb0(%a: i32):
  %0 = "builtin.unrealized_conversion_cast"(%a) ({}) : (i32) -> i64
  "func.return"() : () -> ()
}) : () -> ()
// -----
"func.func"() <{function_type = (i32) -> (), sym_name = "f"}> ({
^bb0(%a: i32):
  "func.return"(%a, %a) : (i32, i32) -> ()
}) : () -> ()
// -----
"func.func"() <{function_type = (i32) -> (), sym_name = "f"}> ({
^bb0(%a: i32):
  "scf.if"(%a) ({ "scf.yield"() : () -> () }, {}) : (i32) -> ()
  "func.return"() : () -> ()
}) : () -> ()
// -----
"func.func"() <{function_type = (i1) -> (), sym_name = "f"}> ({
^bb0(%a: i1):
  "scf.if"(%a) ({ "func.return"() : () -> () }, {}) : (i1) -> ()
  "func.return"() : () -> ()
}) : () -> ()
