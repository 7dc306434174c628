// Folding and canonicalization cases for --canonicalize (generic form of readable sources; outputs are compared with mlir-opt-22's).
"builtin.module"() ({
  "func.func"() <{function_type = (i32, i32) -> (i32, i32, i32, i32, i32), sym_name = "int_constants"}> ({
  ^bb0(%arg0: i32, %arg1: i32):
    %0 = "arith.constant"() <{value = 1 : i32}> : () -> i32
    %1 = "arith.constant"() <{value = 2 : i32}> : () -> i32
    %2 = "arith.constant"() <{value = 0 : i32}> : () -> i32
    %3 = "arith.addi"(%0, %1) <{overflowFlags = #arith.overflow<none>}> : (i32, i32) -> i32
    %4 = "arith.addi"(%arg0, %2) <{overflowFlags = #arith.overflow<none>}> : (i32, i32) -> i32
    %5 = "arith.muli"(%0, %arg1) <{overflowFlags = #arith.overflow<none>}> : (i32, i32) -> i32
    %6 = "arith.subi"(%arg0, %arg0) <{overflowFlags = #arith.overflow<none>}> : (i32, i32) -> i32
    %7 = "arith.muli"(%arg0, %2) <{overflowFlags = #arith.overflow<none>}> : (i32, i32) -> i32
    "func.return"(%3, %4, %5, %6, %7) : (i32, i32, i32, i32, i32) -> ()
  }) : () -> ()
}) : () -> ()

// -----
"builtin.module"() ({
  "func.func"() <{function_type = () -> (i8, i8, i8, i1, i1), sym_name = "wrap"}> ({
    %0 = "arith.constant"() <{value = 127 : i8}> : () -> i8
    %1 = "arith.constant"() <{value = 1 : i8}> : () -> i8
    %2 = "arith.constant"() <{value = -128 : i8}> : () -> i8
    %3 = "arith.addi"(%0, %1) <{overflowFlags = #arith.overflow<none>}> : (i8, i8) -> i8
    %4 = "arith.muli"(%0, %0) <{overflowFlags = #arith.overflow<none>}> : (i8, i8) -> i8
    %5 = "arith.subi"(%2, %1) <{overflowFlags = #arith.overflow<none>}> : (i8, i8) -> i8
    %6 = "arith.cmpi"(%3, %0) <{predicate = 2 : i64}> : (i8, i8) -> i1
    %7 = "arith.cmpi"(%3, %0) <{predicate = 6 : i64}> : (i8, i8) -> i1
    "func.return"(%3, %4, %5, %6, %7) : (i8, i8, i8, i1, i1) -> ()
  }) : () -> ()
}) : () -> ()

// -----
"builtin.module"() ({
  "func.func"() <{function_type = (i32) -> (i32, i32, i32, i32, i32, i32, i32, i32), sym_name = "division"}> ({
  ^bb0(%arg0: i32):
    %0 = "arith.constant"() <{value = 7 : i32}> : () -> i32
    %1 = "arith.constant"() <{value = -7 : i32}> : () -> i32
    %2 = "arith.constant"() <{value = 2 : i32}> : () -> i32
    %3 = "arith.constant"() <{value = 0 : i32}> : () -> i32
    %4 = "arith.constant"() <{value = 1 : i32}> : () -> i32
    %5 = "arith.divsi"(%1, %2) : (i32, i32) -> i32
    %6 = "arith.divui"(%1, %2) : (i32, i32) -> i32
    %7 = "arith.remsi"(%1, %2) : (i32, i32) -> i32
    %8 = "arith.remui"(%1, %2) : (i32, i32) -> i32
    %9 = "arith.divsi"(%0, %3) : (i32, i32) -> i32
    %10 = "arith.divsi"(%arg0, %4) : (i32, i32) -> i32
    %11 = "arith.remui"(%arg0, %4) : (i32, i32) -> i32
    %12 = "arith.remsi"(%0, %3) : (i32, i32) -> i32
    "func.return"(%5, %6, %7, %8, %9, %10, %11, %12) : (i32, i32, i32, i32, i32, i32, i32, i32) -> ()
  }) : () -> ()
}) : () -> ()

// -----
"builtin.module"() ({
  "func.func"() <{function_type = () -> i32, sym_name = "min_over_minus_one"}> ({
    %0 = "arith.constant"() <{value = -2147483648 : i32}> : () -> i32
    %1 = "arith.constant"() <{value = -1 : i32}> : () -> i32
    %2 = "arith.divsi"(%0, %1) : (i32, i32) -> i32
    "func.return"(%2) : (i32) -> ()
  }) : () -> ()
}) : () -> ()

// -----
"builtin.module"() ({
  "func.func"() <{function_type = (i32) -> (i32, i32, i32, i32, i32, i32, i32, i32), sym_name = "bitwise"}> ({
  ^bb0(%arg0: i32):
    %0 = "arith.constant"() <{value = 12 : i32}> : () -> i32
    %1 = "arith.constant"() <{value = 10 : i32}> : () -> i32
    %2 = "arith.constant"() <{value = 0 : i32}> : () -> i32
    %3 = "arith.constant"() <{value = -1 : i32}> : () -> i32
    %4 = "arith.andi"(%0, %1) : (i32, i32) -> i32
    %5 = "arith.ori"(%0, %1) : (i32, i32) -> i32
    %6 = "arith.xori"(%0, %1) : (i32, i32) -> i32
    %7 = "arith.andi"(%arg0, %3) : (i32, i32) -> i32
    %8 = "arith.ori"(%arg0, %2) : (i32, i32) -> i32
    %9 = "arith.xori"(%arg0, %arg0) : (i32, i32) -> i32
    %10 = "arith.andi"(%arg0, %arg0) : (i32, i32) -> i32
    %11 = "arith.ori"(%arg0, %3) : (i32, i32) -> i32
    "func.return"(%4, %5, %6, %7, %8, %9, %10, %11) : (i32, i32, i32, i32, i32, i32, i32, i32) -> ()
  }) : () -> ()
}) : () -> ()

// -----
"builtin.module"() ({
  "func.func"() <{function_type = (i16) -> (i16, i16, i16, i16, i16), sym_name = "shifts"}> ({
  ^bb0(%arg0: i16):
    %0 = "arith.constant"() <{value = 3 : i16}> : () -> i16
    %1 = "arith.constant"() <{value = -256 : i16}> : () -> i16
    %2 = "arith.constant"() <{value = 16 : i16}> : () -> i16
    %3 = "arith.constant"() <{value = 0 : i16}> : () -> i16
    %4 = "arith.shli"(%1, %0) <{overflowFlags = #arith.overflow<none>}> : (i16, i16) -> i16
    %5 = "arith.shrsi"(%1, %0) : (i16, i16) -> i16
    %6 = "arith.shrui"(%1, %0) : (i16, i16) -> i16
    %7 = "arith.shli"(%1, %2) <{overflowFlags = #arith.overflow<none>}> : (i16, i16) -> i16
    %8 = "arith.shrui"(%arg0, %3) : (i16, i16) -> i16
    "func.return"(%4, %5, %6, %7, %8) : (i16, i16, i16, i16, i16) -> ()
  }) : () -> ()
}) : () -> ()

// -----
"builtin.module"() ({
  "func.func"() <{function_type = (i32) -> (i32, i32, i32, i32, i32, i32), sym_name = "minmax"}> ({
  ^bb0(%arg0: i32):
    %0 = "arith.constant"() <{value = -5 : i32}> : () -> i32
    %1 = "arith.constant"() <{value = 3 : i32}> : () -> i32
    %2 = "arith.maxsi"(%0, %1) : (i32, i32) -> i32
    %3 = "arith.minsi"(%0, %1) : (i32, i32) -> i32
    %4 = "arith.maxui"(%0, %1) : (i32, i32) -> i32
    %5 = "arith.minui"(%0, %1) : (i32, i32) -> i32
    %6 = "arith.maxsi"(%arg0, %arg0) : (i32, i32) -> i32
    %7 = "arith.minui"(%1, %arg0) : (i32, i32) -> i32
    "func.return"(%2, %3, %4, %5, %6, %7) : (i32, i32, i32, i32, i32, i32) -> ()
  }) : () -> ()
}) : () -> ()

// -----
"builtin.module"() ({
  "func.func"() <{function_type = (index) -> (index, index, index), sym_name = "index"}> ({
  ^bb0(%arg0: index):
    %0 = "arith.constant"() <{value = 4 : index}> : () -> index
    %1 = "arith.constant"() <{value = 5 : index}> : () -> index
    %2 = "arith.constant"() <{value = 0 : index}> : () -> index
    %3 = "arith.muli"(%0, %1) <{overflowFlags = #arith.overflow<none>}> : (index, index) -> index
    %4 = "arith.addi"(%arg0, %2) <{overflowFlags = #arith.overflow<none>}> : (index, index) -> index
    %5 = "arith.subi"(%0, %1) <{overflowFlags = #arith.overflow<none>}> : (index, index) -> index
    "func.return"(%3, %4, %5) : (index, index, index) -> ()
  }) : () -> ()
}) : () -> ()

// -----
"builtin.module"() ({
  "func.func"() <{function_type = (i32) -> (i1, i1, i1, i1, i1, i1), sym_name = "compare"}> ({
  ^bb0(%arg0: i32):
    %0 = "arith.constant"() <{value = 5 : i32}> : () -> i32
    %1 = "arith.constant"() <{value = -6 : i32}> : () -> i32
    %2 = "arith.cmpi"(%arg0, %arg0) <{predicate = 0 : i64}> : (i32, i32) -> i1
    %3 = "arith.cmpi"(%0, %arg0) <{predicate = 2 : i64}> : (i32, i32) -> i1
    %4 = "arith.cmpi"(%arg0, %arg0) <{predicate = 1 : i64}> : (i32, i32) -> i1
    %5 = "arith.cmpi"(%0, %1) <{predicate = 4 : i64}> : (i32, i32) -> i1
    %6 = "arith.cmpi"(%0, %1) <{predicate = 8 : i64}> : (i32, i32) -> i1
    %7 = "arith.cmpi"(%arg0, %arg0) <{predicate = 9 : i64}> : (i32, i32) -> i1
    "func.return"(%2, %3, %4, %5, %6, %7) : (i1, i1, i1, i1, i1, i1) -> ()
  }) : () -> ()
}) : () -> ()

// -----
"builtin.module"() ({
  "func.func"() <{function_type = (i1) -> (i1, i1), sym_name = "compare_i1"}> ({
  ^bb0(%arg0: i1):
    %0 = "arith.constant"() <{value = false}> : () -> i1
    %1 = "arith.constant"() <{value = true}> : () -> i1
    %2 = "arith.cmpi"(%arg0, %0) <{predicate = 1 : i64}> : (i1, i1) -> i1
    %3 = "arith.cmpi"(%arg0, %1) <{predicate = 0 : i64}> : (i1, i1) -> i1
    "func.return"(%2, %3) : (i1, i1) -> ()
  }) : () -> ()
}) : () -> ()

// -----
"builtin.module"() ({
  "func.func"() <{function_type = () -> (i1, i1, i1, i1), sym_name = "compare_float"}> ({
    %0 = "arith.constant"() <{value = 1.000000e+00 : f32}> : () -> f32
    %1 = "arith.constant"() <{value = 2.000000e+00 : f32}> : () -> f32
    %2 = "arith.constant"() <{value = 0x7FC00000 : f32}> : () -> f32
    %3 = "arith.cmpf"(%0, %1) <{fastmath = #arith.fastmath<none>, predicate = 4 : i64}> : (f32, f32) -> i1
    %4 = "arith.cmpf"(%0, %2) <{fastmath = #arith.fastmath<none>, predicate = 1 : i64}> : (f32, f32) -> i1
    %5 = "arith.cmpf"(%0, %2) <{fastmath = #arith.fastmath<none>, predicate = 13 : i64}> : (f32, f32) -> i1
    %6 = "arith.cmpf"(%1, %0) <{fastmath = #arith.fastmath<none>, predicate = 10 : i64}> : (f32, f32) -> i1
    "func.return"(%3, %4, %5, %6) : (i1, i1, i1, i1) -> ()
  }) : () -> ()
}) : () -> ()

// -----
"builtin.module"() ({
  "func.func"() <{function_type = (i1, i32, i32) -> (i32, i32, i32, i1), sym_name = "select"}> ({
  ^bb0(%arg0: i1, %arg1: i32, %arg2: i32):
    %0 = "arith.constant"() <{value = true}> : () -> i1
    %1 = "arith.constant"() <{value = false}> : () -> i1
    %2 = "arith.select"(%0, %arg1, %arg2) : (i1, i32, i32) -> i32
    %3 = "arith.select"(%1, %arg1, %arg2) : (i1, i32, i32) -> i32
    %4 = "arith.select"(%arg0, %arg1, %arg1) : (i1, i32, i32) -> i32
    %5 = "arith.select"(%arg0, %0, %1) : (i1, i1, i1) -> i1
    "func.return"(%2, %3, %4, %5) : (i32, i32, i32, i1) -> ()
  }) : () -> ()
}) : () -> ()

// -----
"builtin.module"() ({
  "func.func"() <{function_type = () -> (i64, i64, f32, i32, index, i8, f64, f32, i32, f32), sym_name = "casts"}> ({
    %0 = "arith.constant"() <{value = -1 : i32}> : () -> i32
    %1 = "arith.extsi"(%0) : (i32) -> i64
    %2 = "arith.extui"(%0) : (i32) -> i64
    %3 = "arith.sitofp"(%0) : (i32) -> f32
    %4 = "arith.constant"() <{value = 2.500000e+00 : f32}> : () -> f32
    %5 = "arith.fptosi"(%4) : (f32) -> i32
    %6 = "arith.index_cast"(%0) : (i32) -> index
    %7 = "arith.trunci"(%0) <{overflowFlags = #arith.overflow<none>}> : (i32) -> i8
    %8 = "arith.extf"(%4) : (f32) -> f64
    %9 = "arith.constant"() <{value = 5.000000e-01 : f64}> : () -> f64
    %10 = "arith.truncf"(%9) : (f64) -> f32
    %11 = "arith.bitcast"(%4) : (f32) -> i32
    %12 = "arith.uitofp"(%0) : (i32) -> f32
    "func.return"(%1, %2, %3, %5, %6, %7, %8, %10, %11, %12) : (i64, i64, f32, i32, index, i8, f64, f32, i32, f32) -> ()
  }) : () -> ()
}) : () -> ()

// -----
"builtin.module"() ({
  "func.func"() <{function_type = () -> f32, sym_name = "inexact_truncf"}> ({
    %0 = "arith.constant"() <{value = 1.000000e-01 : f64}> : () -> f64
    %1 = "arith.truncf"(%0) : (f64) -> f32
    "func.return"(%1) : (f32) -> ()
  }) : () -> ()
}) : () -> ()

// -----
"builtin.module"() ({
  "func.func"() <{function_type = (i8, f32) -> (i64, i8, f32), sym_name = "cast_chains"}> ({
  ^bb0(%arg0: i8, %arg1: f32):
    %0 = "arith.extsi"(%arg0) : (i8) -> i16
    %1 = "arith.extsi"(%0) : (i16) -> i64
    %2 = "arith.extui"(%arg0) : (i8) -> i32
    %3 = "arith.trunci"(%2) <{overflowFlags = #arith.overflow<none>}> : (i32) -> i8
    %4 = "arith.bitcast"(%arg1) : (f32) -> i32
    %5 = "arith.bitcast"(%4) : (i32) -> f32
    "func.return"(%1, %3, %5) : (i64, i8, f32) -> ()
  }) : () -> ()
}) : () -> ()

// -----
"builtin.module"() ({
  "func.func"() <{function_type = (f32) -> (f32, f32, f32, f32, f32, f32, f32), sym_name = "floats"}> ({
  ^bb0(%arg0: f32):
    %0 = "arith.constant"() <{value = 1.500000e+00 : f32}> : () -> f32
    %1 = "arith.constant"() <{value = 2.000000e+00 : f32}> : () -> f32
    %2 = "arith.constant"() <{value = 1.000000e+00 : f32}> : () -> f32
    %3 = "arith.constant"() <{value = -0.000000e+00 : f32}> : () -> f32
    %4 = "arith.addf"(%0, %1) <{fastmath = #arith.fastmath<none>}> : (f32, f32) -> f32
    %5 = "arith.mulf"(%arg0, %2) <{fastmath = #arith.fastmath<none>}> : (f32, f32) -> f32
    %6 = "arith.divf"(%0, %1) <{fastmath = #arith.fastmath<none>}> : (f32, f32) -> f32
    %7 = "arith.negf"(%0) <{fastmath = #arith.fastmath<none>}> : (f32) -> f32
    %8 = "arith.addf"(%arg0, %3) <{fastmath = #arith.fastmath<none>}> : (f32, f32) -> f32
    %9 = "arith.subf"(%0, %1) <{fastmath = #arith.fastmath<none>}> : (f32, f32) -> f32
    %10 = "arith.maximumf"(%0, %1) <{fastmath = #arith.fastmath<none>}> : (f32, f32) -> f32
    "func.return"(%4, %5, %6, %7, %8, %9, %10) : (f32, f32, f32, f32, f32, f32, f32) -> ()
  }) : () -> ()
}) : () -> ()

// -----
"builtin.module"() ({
  "func.func"() <{function_type = (f64) -> (f64, f64), sym_name = "f64_and_negf"}> ({
  ^bb0(%arg0: f64):
    %0 = "arith.constant"() <{value = 1.000000e-01 : f64}> : () -> f64
    %1 = "arith.constant"() <{value = 2.000000e-01 : f64}> : () -> f64
    %2 = "arith.addf"(%0, %1) <{fastmath = #arith.fastmath<none>}> : (f64, f64) -> f64
    %3 = "arith.negf"(%arg0) <{fastmath = #arith.fastmath<none>}> : (f64) -> f64
    %4 = "arith.negf"(%3) <{fastmath = #arith.fastmath<none>}> : (f64) -> f64
    "func.return"(%2, %4) : (f64, f64) -> ()
  }) : () -> ()
}) : () -> ()

// -----
"builtin.module"() ({
  "func.func"() <{function_type = (i32) -> (), sym_name = "dead"}> ({
  ^bb0(%arg0: i32):
    %0 = "arith.addi"(%arg0, %arg0) <{overflowFlags = #arith.overflow<none>}> : (i32, i32) -> i32
    %1 = "arith.constant"() <{value = 3 : i32}> : () -> i32
    "func.return"() : () -> ()
  }) : () -> ()
}) : () -> ()

// -----
"builtin.module"() ({
  "func.func"() <{function_type = (i32) -> (i32, i32), sym_name = "duplicate_constants"}> ({
  ^bb0(%arg0: i32):
    %0 = "arith.constant"() <{value = 7 : i32}> : () -> i32
    %1 = "arith.addi"(%arg0, %0) <{overflowFlags = #arith.overflow<none>}> : (i32, i32) -> i32
    %2 = "arith.constant"() <{value = 7 : i32}> : () -> i32
    %3 = "arith.muli"(%arg0, %2) <{overflowFlags = #arith.overflow<none>}> : (i32, i32) -> i32
    "func.return"(%1, %3) : (i32, i32) -> ()
  }) : () -> ()
}) : () -> ()

// -----
"builtin.module"() ({
  "func.func"() <{function_type = (i32) -> (i32, i32), sym_name = "commutative_order"}> ({
  ^bb0(%arg0: i32):
    %0 = "arith.constant"() <{value = 9 : i32}> : () -> i32
    %1 = "arith.addi"(%0, %arg0) <{overflowFlags = #arith.overflow<none>}> : (i32, i32) -> i32
    %2 = "arith.muli"(%0, %arg0) <{overflowFlags = #arith.overflow<none>}> : (i32, i32) -> i32
    "func.return"(%1, %2) : (i32, i32) -> ()
  }) : () -> ()
}) : () -> ()

// -----
"builtin.module"() ({
  "func.func"() <{function_type = (i32) -> (i32, i32, i32, i32, i32, i32, i32, i32), sym_name = "saturating_identities"}> ({
  ^bb0(%arg0: i32):
    %0 = "arith.constant"() <{value = 2147483647 : i32}> : () -> i32
    %1 = "arith.constant"() <{value = -2147483648 : i32}> : () -> i32
    %2 = "arith.constant"() <{value = 0 : i32}> : () -> i32
    %3 = "arith.constant"() <{value = -1 : i32}> : () -> i32
    %4 = "arith.maxsi"(%arg0, %0) : (i32, i32) -> i32
    %5 = "arith.maxsi"(%arg0, %1) : (i32, i32) -> i32
    %6 = "arith.minsi"(%arg0, %1) : (i32, i32) -> i32
    %7 = "arith.minsi"(%arg0, %0) : (i32, i32) -> i32
    %8 = "arith.maxui"(%arg0, %3) : (i32, i32) -> i32
    %9 = "arith.maxui"(%arg0, %2) : (i32, i32) -> i32
    %10 = "arith.minui"(%arg0, %2) : (i32, i32) -> i32
    %11 = "arith.minui"(%arg0, %3) : (i32, i32) -> i32
    "func.return"(%4, %5, %6, %7, %8, %9, %10, %11) : (i32, i32, i32, i32, i32, i32, i32, i32) -> ()
  }) : () -> ()
}) : () -> ()

// -----
"builtin.module"() ({
  "func.func"() <{function_type = (vector<4xi32>) -> (vector<4xi32>, vector<4xi32>), sym_name = "vectors"}> ({
  ^bb0(%arg0: vector<4xi32>):
    %0 = "arith.addi"(%arg0, %arg0) <{overflowFlags = #arith.overflow<none>}> : (vector<4xi32>, vector<4xi32>) -> vector<4xi32>
    %1 = "arith.subi"(%arg0, %arg0) <{overflowFlags = #arith.overflow<none>}> : (vector<4xi32>, vector<4xi32>) -> vector<4xi32>
    "func.return"(%0, %1) : (vector<4xi32>, vector<4xi32>) -> ()
  }) : () -> ()
}) : () -> ()

// -----
"builtin.module"() ({
  "func.func"() <{function_type = (i32, i32) -> (i32, i32, i32, i32, i32, i32, i32, i32), sym_name = "constant_chains"}> ({
  ^bb0(%arg0: i32, %arg1: i32):
    %0 = "arith.constant"() <{value = 3 : i32}> : () -> i32
    %1 = "arith.constant"() <{value = 5 : i32}> : () -> i32
    %2 = "arith.constant"() <{value = -1 : i32}> : () -> i32
    %3 = "arith.addi"(%arg0, %0) <{overflowFlags = #arith.overflow<none>}> : (i32, i32) -> i32
    %4 = "arith.addi"(%3, %1) <{overflowFlags = #arith.overflow<none>}> : (i32, i32) -> i32
    %5 = "arith.subi"(%arg0, %0) <{overflowFlags = #arith.overflow<none>}> : (i32, i32) -> i32
    %6 = "arith.addi"(%5, %1) <{overflowFlags = #arith.overflow<none>}> : (i32, i32) -> i32
    %7 = "arith.subi"(%3, %1) <{overflowFlags = #arith.overflow<none>}> : (i32, i32) -> i32
    %8 = "arith.subi"(%0, %arg0) <{overflowFlags = #arith.overflow<none>}> : (i32, i32) -> i32
    %9 = "arith.subi"(%8, %1) <{overflowFlags = #arith.overflow<none>}> : (i32, i32) -> i32
    %10 = "arith.muli"(%arg0, %0) <{overflowFlags = #arith.overflow<none>}> : (i32, i32) -> i32
    %11 = "arith.muli"(%10, %1) <{overflowFlags = #arith.overflow<none>}> : (i32, i32) -> i32
    %12 = "arith.muli"(%arg1, %2) <{overflowFlags = #arith.overflow<none>}> : (i32, i32) -> i32
    %13 = "arith.addi"(%arg0, %12) <{overflowFlags = #arith.overflow<none>}> : (i32, i32) -> i32
    %14 = "arith.subi"(%arg0, %arg1) <{overflowFlags = #arith.overflow<none>}> : (i32, i32) -> i32
    %15 = "arith.subi"(%14, %arg0) <{overflowFlags = #arith.overflow<none>}> : (i32, i32) -> i32
    %16 = "arith.subi"(%1, %3) <{overflowFlags = #arith.overflow<none>}> : (i32, i32) -> i32
    "func.return"(%4, %6, %7, %9, %11, %13, %15, %16) : (i32, i32, i32, i32, i32, i32, i32, i32) -> ()
  }) : () -> ()
}) : () -> ()

// -----
"builtin.module"() ({
  "func.func"() <{function_type = (i32, i32) -> (i32, i32, i32, i32), sym_name = "bitwise_structure"}> ({
  ^bb0(%arg0: i32, %arg1: i32):
    %0 = "arith.constant"() <{value = -1 : i32}> : () -> i32
    %1 = "arith.xori"(%arg0, %0) : (i32, i32) -> i32
    %2 = "arith.andi"(%arg0, %1) : (i32, i32) -> i32
    %3 = "arith.ori"(%arg0, %1) : (i32, i32) -> i32
    %4 = "arith.xori"(%arg0, %arg1) : (i32, i32) -> i32
    %5 = "arith.xori"(%4, %arg1) : (i32, i32) -> i32
    %6 = "arith.andi"(%arg0, %arg1) : (i32, i32) -> i32
    %7 = "arith.andi"(%arg0, %6) : (i32, i32) -> i32
    "func.return"(%2, %3, %5, %7) : (i32, i32, i32, i32) -> ()
  }) : () -> ()
}) : () -> ()

// -----
"builtin.module"() ({
  "func.func"() <{function_type = (i32, i32) -> (i32, i32, i32), sym_name = "add_sub_cancel"}> ({
  ^bb0(%arg0: i32, %arg1: i32):
    %0 = "arith.subi"(%arg0, %arg1) <{overflowFlags = #arith.overflow<none>}> : (i32, i32) -> i32
    %1 = "arith.addi"(%0, %arg1) <{overflowFlags = #arith.overflow<none>}> : (i32, i32) -> i32
    %2 = "arith.addi"(%arg0, %arg1) <{overflowFlags = #arith.overflow<none>}> : (i32, i32) -> i32
    %3 = "arith.subi"(%2, %arg1) <{overflowFlags = #arith.overflow<none>}> : (i32, i32) -> i32
    %4 = "arith.subi"(%2, %arg0) <{overflowFlags = #arith.overflow<none>}> : (i32, i32) -> i32
    "func.return"(%1, %3, %4) : (i32, i32, i32) -> ()
  }) : () -> ()
}) : () -> ()

// -----
"builtin.module"() ({
  "func.func"() <{function_type = (i32, i32) -> (i32, i32, i32, i32), sym_name = "commutative_cse"}> ({
  ^bb0(%arg0: i32, %arg1: i32):
    %0 = "arith.addi"(%arg0, %arg1) <{overflowFlags = #arith.overflow<none>}> : (i32, i32) -> i32
    %1 = "arith.addi"(%arg1, %arg0) <{overflowFlags = #arith.overflow<none>}> : (i32, i32) -> i32
    %2 = "arith.maxsi"(%arg0, %arg1) : (i32, i32) -> i32
    %3 = "arith.maxsi"(%arg1, %arg0) : (i32, i32) -> i32
    "func.return"(%0, %1, %2, %3) : (i32, i32, i32, i32) -> ()
  }) : () -> ()
}) : () -> ()

