// Invalid arith ops: diagnostics must match mlir-opt-22's byte for byte.
"func.func"() <{function_type = (f32) -> (), sym_name = "f"}> ({
  ^bb0(%a: f32):
    %0 = "arith.addi"(%a, %a) : (f32, f32) -> f32
    "func.return"() : () -> ()
  }) : () -> ()
// -----
"func.func"() <{function_type = (i32) -> (), sym_name = "f"}> ({
  ^bb0(%a: i32):
    %0 = "arith.addf"(%a, %a) : (i32, i32) -> i32
    "func.return"() : () -> ()
  }) : () -> ()
// -----
"func.func"() <{function_type = (f32) -> (), sym_name = "f"}> ({
  ^bb0(%a: f32):
    %0 = "arith.cmpi"(%a, %a) {predicate = 0 : i64} : (f32, f32) -> i1
    "func.return"() : () -> ()
  }) : () -> ()
// -----
"func.func"() <{function_type = (i32) -> (), sym_name = "f"}> ({
  ^bb0(%a: i32):
    %0 = "arith.cmpi"(%a, %a) {predicate = 12 : i64} : (i32, i32) -> i1
    "func.return"() : () -> ()
  }) : () -> ()
// -----
"func.func"() <{function_type = (i32) -> (), sym_name = "f"}> ({
  ^bb0(%a: i32):
    %0 = "arith.cmpi"(%a, %a) : (i32, i32) -> i1
    "func.return"() : () -> ()
  }) : () -> ()
// -----
"func.func"() <{function_type = (i32) -> (), sym_name = "f"}> ({
  ^bb0(%a: i32):
    %0 = "arith.cmpi"(%a, %a) {predicate = 0 : i64} : (i32, i32) -> i32
    "func.return"() : () -> ()
  }) : () -> ()
// -----
"func.func"() <{function_type = (i32, i64) -> (), sym_name = "f"}> ({
  ^bb0(%a: i32, %b: i64):
    %0 = "arith.addi"(%a, %b) : (i32, i64) -> i32
    "func.return"() : () -> ()
  }) : () -> ()
// -----
"func.func"() <{function_type = (i32) -> (), sym_name = "f"}> ({
  ^bb0(%a: i32):
    %0 = "arith.addi"(%a) : (i32) -> i32
    "func.return"() : () -> ()
  }) : () -> ()
// -----
"func.func"() <{function_type = (i32) -> (), sym_name = "f"}> ({
  ^bb0(%a: i32):
    "arith.addi"(%a, %a) : (i32, i32) -> ()
    "func.return"() : () -> ()
  }) : () -> ()
// -----
"func.func"() <{function_type = (i1, i32, i64) -> (), sym_name = "f"}> ({
  ^bb0(%c: i1, %a: i32, %b: i64):
    %0 = "arith.select"(%c, %a, %b) : (i1, i32, i64) -> i32
    "func.return"() : () -> ()
  }) : () -> ()
// -----
"func.func"() <{function_type = (i32, i32) -> (), sym_name = "f"}> ({
  ^bb0(%c: i32, %a: i32):
    %0 = "arith.select"(%c, %a, %a) : (i32, i32, i32) -> i32
    "func.return"() : () -> ()
  }) : () -> ()
// -----
"func.func"() <{function_type = (i32) -> (), sym_name = "f"}> ({
  ^bb0(%a: i32):
    %0 = "arith.extsi"(%a) : (i32) -> i16
    "func.return"() : () -> ()
  }) : () -> ()
// -----
"func.func"() <{function_type = (f32) -> (), sym_name = "f"}> ({
  ^bb0(%a: f32):
    %0 = "arith.extsi"(%a) : (f32) -> i16
    "func.return"() : () -> ()
  }) : () -> ()
// -----
"func.func"() <{function_type = () -> (), sym_name = "f"}> ({
  ^bb0():
    %0 = "arith.constant"() {value = 1 : i64} : () -> i32
    "func.return"() : () -> ()
  }) : () -> ()
// -----
"func.func"() <{function_type = () -> (), sym_name = "f"}> ({
  ^bb0():
    %0 = "arith.constant"() : () -> i32
    "func.return"() : () -> ()
  }) : () -> ()
// -----
"func.func"() <{function_type = (i32) -> (), sym_name = "f"}> ({
  ^bb0(%a: i32):
    %0 = "arith.index_cast"(%a) : (i32) -> i64
    "func.return"() : () -> ()
  }) : () -> ()
// -----
"func.func"() <{function_type = (f32) -> (), sym_name = "f"}> ({
  ^bb0(%a: f32):
    %0 = "arith.sitofp"(%a) : (f32) -> f32
    "func.return"() : () -> ()
  }) : () -> ()
// -----
"func.func"() <{function_type = (i32) -> (), sym_name = "f"}> ({
  ^bb0(%a: i32):
    %0 = "arith.cmpf"(%a, %a) {predicate = 0 : i64} : (i32, i32) -> i1
    "func.return"() : () -> ()
  }) : () -> ()
// -----
"func.func"() <{function_type = (f32) -> (), sym_name = "f"}> ({
  ^bb0(%a: f32):
    %0 = "arith.cmpf"(%a, %a) {predicate = 20 : i64} : (f32, f32) -> i1
    "func.return"() : () -> ()
  }) : () -> ()
// -----
"func.func"() <{function_type = (i32) -> (), sym_name = "f"}> ({
  ^bb0(%a: i32):
    %0 = "arith.addi"(%a, %a) {overflowFlags = 1 : i32} : (i32, i32) -> i32
    "func.return"() : () -> ()
  }) : () -> ()
// -----
"func.func"() <{function_type = (f32) -> (), sym_name = "f"}> ({
  ^bb0(%a: f32):
    %0 = "arith.addf"(%a, %a) {fastmath = 1 : i32} : (f32, f32) -> f32
    "func.return"() : () -> ()
  }) : () -> ()
// -----
"func.func"() <{function_type = (i32) -> (), sym_name = "f"}> ({
  ^bb0(%a: i32):
    %0 = "arith.addi"(%a, %a) ({}) : (i32, i32) -> i32
    "func.return"() : () -> ()
  }) : () -> ()
// -----
"func.func"() <{function_type = (i32) -> (), sym_name = "f"}> ({
  ^bb0(%a: i32):
    %0:2 = "arith.addi"(%a, %a) : (i32, i32) -> (i32, i32)
    "func.return"() : () -> ()
  }) : () -> ()
// -----
"func.func"() <{function_type = (i32, f32, index, vector<4xi32>, memref<4xi32>) -> (), sym_name = "f"}> ({
  ^bb0(%a: i32, %b: f32, %i: index, %v: vector<4xi32>, %m: memref<4xi32>):
    %0 = "arith.sitofp"(%b) : (f32) -> f32
    "func.return"() : () -> ()
  }) : () -> ()
// -----
"func.func"() <{function_type = (i32, f32) -> (), sym_name = "f"}> ({
  ^bb0(%a: i32, %b: f32):
    %0 = "arith.sitofp"(%a) : (i32) -> i32
    "func.return"() : () -> ()
  }) : () -> ()
// -----
"func.func"() <{function_type = (i32, f32) -> (), sym_name = "f"}> ({
  ^bb0(%a: i32, %b: f32):
    %0 = "arith.fptosi"(%a) : (i32) -> i32
    "func.return"() : () -> ()
  }) : () -> ()
// -----
"func.func"() <{function_type = (i32, f32) -> (), sym_name = "f"}> ({
  ^bb0(%a: i32, %b: f32):
    %0 = "arith.fptosi"(%b) : (f32) -> f32
    "func.return"() : () -> ()
  }) : () -> ()
// -----
"func.func"() <{function_type = (i32, f32) -> (), sym_name = "f"}> ({
  ^bb0(%a: i32, %b: f32):
    %0 = "arith.extf"(%a) : (i32) -> f32
    "func.return"() : () -> ()
  }) : () -> ()
// -----
"func.func"() <{function_type = (i32, f32) -> (), sym_name = "f"}> ({
  ^bb0(%a: i32, %b: f32):
    %0 = "arith.index_cast"(%b) : (f32) -> i32
    "func.return"() : () -> ()
  }) : () -> ()
// -----
"func.func"() <{function_type = (i32, f32) -> (), sym_name = "f"}> ({
  ^bb0(%a: i32, %b: f32):
    %0 = "arith.bitcast"(%a) : (i32) -> index
    "func.return"() : () -> ()
  }) : () -> ()
// -----
"func.func"() <{function_type = (i32, f32) -> (), sym_name = "f"}> ({
  ^bb0(%a: i32, %b: f32):
    %0 = "arith.bitcast"(%a) : (i32) -> i32
    "func.return"() : () -> ()
  }) : () -> ()
// -----
"func.func"() <{function_type = (i32, vector<4xi32>) -> (), sym_name = "f"}> ({
  ^bb0(%a: i32, %v: vector<4xi32>):
    %0 = "arith.extsi"(%v) : (vector<4xi32>) -> i64
    "func.return"() : () -> ()
  }) : () -> ()
// -----
"func.func"() <{function_type = (i32, vector<4xi32>) -> (), sym_name = "f"}> ({
  ^bb0(%a: i32, %v: vector<4xi32>):
    %0 = "arith.sitofp"(%v) : (vector<4xi32>) -> vector<2xf32>
    "func.return"() : () -> ()
  }) : () -> ()
// -----
"func.func"() <{function_type = (i32, vector<4xi32>) -> (), sym_name = "f"}> ({
  ^bb0(%a: i32, %v: vector<4xi32>):
    %0 = "arith.select"(%a, %a, %a) : (i32, i32, i32) -> i32
    "func.return"() : () -> ()
  }) : () -> ()
// -----
"func.func"() <{function_type = (vector<2xi1>, vector<4xi32>) -> (), sym_name = "f"}> ({
  ^bb0(%c: vector<2xi1>, %v: vector<4xi32>):
    %0 = "arith.select"(%c, %v, %v) : (vector<2xi1>, vector<4xi32>, vector<4xi32>) -> vector<4xi32>
    "func.return"() : () -> ()
  }) : () -> ()
// -----
"func.func"() <{function_type = (i1, vector<4xi32>) -> (), sym_name = "f"}> ({
  ^bb0(%c: i1, %v: vector<4xi32>):
    %0 = "arith.negf"(%v) : (vector<4xi32>) -> vector<4xi32>
    "func.return"() : () -> ()
  }) : () -> ()
// -----
"func.func"() <{function_type = (i1, vector<4xi32>) -> (), sym_name = "f"}> ({
  ^bb0(%c: i1, %v: vector<4xi32>):
    %0 = "arith.constant"() {value = dense<1> : vector<4xi32>} : () -> vector<4xi32>
    %1 = "arith.constant"() {value = 1 : i64} : () -> i64
    %2 = "arith.constant"() {value = "s" : i64} : () -> i64
    "func.return"() : () -> ()
  }) : () -> ()
