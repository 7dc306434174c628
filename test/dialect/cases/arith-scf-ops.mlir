// Every arith op in generic form (mlir-opt-22 --mlir-print-op-generic of its custom form).
"builtin.module"() ({
  "func.func"() <{function_type = (i32, f32, i1, index, f16, i64, f64) -> (), sym_name = "f"}> ({
  ^bb0(%arg0: i32, %arg1: f32, %arg2: i1, %arg3: index, %arg4: f16, %arg5: i64, %arg6: f64):
    %0 = "arith.subi"(%arg0, %arg0) <{overflowFlags = #arith.overflow<none>}> : (i32, i32) -> i32
    %1 = "arith.muli"(%arg0, %arg0) <{overflowFlags = #arith.overflow<none>}> : (i32, i32) -> i32
    %2 = "arith.divsi"(%arg0, %arg0) : (i32, i32) -> i32
    %3 = "arith.divui"(%arg0, %arg0) : (i32, i32) -> i32
    %4 = "arith.remsi"(%arg0, %arg0) : (i32, i32) -> i32
    %5 = "arith.remui"(%arg0, %arg0) : (i32, i32) -> i32
    %6 = "arith.andi"(%arg0, %arg0) : (i32, i32) -> i32
    %7 = "arith.ori"(%arg0, %arg0) : (i32, i32) -> i32
    %8 = "arith.xori"(%arg0, %arg0) : (i32, i32) -> i32
    %9 = "arith.shli"(%arg0, %arg0) <{overflowFlags = #arith.overflow<none>}> : (i32, i32) -> i32
    %10 = "arith.shrsi"(%arg0, %arg0) : (i32, i32) -> i32
    %11 = "arith.shrui"(%arg0, %arg0) : (i32, i32) -> i32
    %12 = "arith.maxsi"(%arg0, %arg0) : (i32, i32) -> i32
    %13 = "arith.minsi"(%arg0, %arg0) : (i32, i32) -> i32
    %14 = "arith.maxui"(%arg0, %arg0) : (i32, i32) -> i32
    %15 = "arith.minui"(%arg0, %arg0) : (i32, i32) -> i32
    %16 = "arith.subf"(%arg1, %arg1) <{fastmath = #arith.fastmath<none>}> : (f32, f32) -> f32
    %17 = "arith.mulf"(%arg1, %arg1) <{fastmath = #arith.fastmath<none>}> : (f32, f32) -> f32
    %18 = "arith.divf"(%arg1, %arg1) <{fastmath = #arith.fastmath<none>}> : (f32, f32) -> f32
    %19 = "arith.negf"(%arg1) <{fastmath = #arith.fastmath<none>}> : (f32) -> f32
    %20 = "arith.maximumf"(%arg1, %arg1) <{fastmath = #arith.fastmath<none>}> : (f32, f32) -> f32
    %21 = "arith.minimumf"(%arg1, %arg1) <{fastmath = #arith.fastmath<none>}> : (f32, f32) -> f32
    %22 = "arith.extui"(%arg0) : (i32) -> i64
    %23 = "arith.trunci"(%arg5) <{overflowFlags = #arith.overflow<none>}> : (i64) -> i32
    %24 = "arith.sitofp"(%arg0) : (i32) -> f32
    %25 = "arith.uitofp"(%arg0) : (i32) -> f32
    %26 = "arith.fptosi"(%arg1) : (f32) -> i32
    %27 = "arith.fptoui"(%arg1) : (f32) -> i32
    %28 = "arith.extf"(%arg1) : (f32) -> f64
    %29 = "arith.truncf"(%arg6) : (f64) -> f32
    %30 = "arith.index_castui"(%arg3) : (index) -> i32
    %31 = "arith.bitcast"(%arg0) : (i32) -> f32
    %32 = "arith.select"(%arg2, %arg1, %arg1) : (i1, f32, f32) -> f32
    "func.return"() : () -> ()
  }) : () -> ()
}) : () -> ()

// -----
"builtin.module"() ({
  "func.func"() <{function_type = (i32, f32, i1, index) -> i32, sym_name = "f"}> ({
  ^bb0(%arg0: i32, %arg1: f32, %arg2: i1, %arg3: index):
    %0 = "arith.addi"(%arg0, %arg0) <{overflowFlags = #arith.overflow<none>}> : (i32, i32) -> i32
    %1 = "arith.addf"(%arg1, %arg1) <{fastmath = #arith.fastmath<none>}> : (f32, f32) -> f32
    %2 = "arith.cmpi"(%arg0, %arg0) <{predicate = 2 : i64}> : (i32, i32) -> i1
    %3 = "arith.cmpf"(%arg1, %arg1) <{fastmath = #arith.fastmath<none>, predicate = 4 : i64}> : (f32, f32) -> i1
    %4 = "arith.constant"() <{value = 3 : i32}> : () -> i32
    %5 = "arith.constant"() <{value = 1.500000e+00 : f32}> : () -> f32
    %6 = "arith.constant"() <{value = true}> : () -> i1
    %7 = "arith.select"(%arg2, %arg0, %4) : (i1, i32, i32) -> i32
    %8 = "arith.extsi"(%arg0) : (i32) -> i64
    %9 = "arith.index_cast"(%arg3) : (index) -> i32
    %10 = "arith.constant"() <{value = dense<1> : vector<4xi32>}> : () -> vector<4xi32>
    %11 = "arith.constant"() <{value = 0 : index}> : () -> index
    "scf.for"(%11, %arg3, %arg3) ({
    ^bb0(%arg6: index):
      "scf.yield"() : () -> ()
    }) : (index, index, index) -> ()
    %12 = "scf.if"(%arg2) ({
      "scf.yield"(%arg0) : (i32) -> ()
    }, {
      "scf.yield"(%4) : (i32) -> ()
    }) : (i1) -> i32
    %13 = "scf.while"(%arg0) ({
    ^bb0(%arg5: i32):
      "scf.condition"(%arg2, %arg5) : (i1, i32) -> ()
    }, {
    ^bb0(%arg4: i32):
      "scf.yield"(%arg4) : (i32) -> ()
    }) : (i32) -> i32
    "func.return"(%0) : (i32) -> ()
  }) : () -> ()
}) : () -> ()

// -----
"builtin.module"() ({
  "func.func"() <{function_type = (i32, f32) -> i32, sym_name = "f"}> ({
  ^bb0(%arg0: i32, %arg1: f32):
    %0 = "arith.addi"(%arg0, %arg0) <{overflowFlags = #arith.overflow<none>}> : (i32, i32) -> i32
    %1 = "arith.addf"(%arg1, %arg1) <{fastmath = #arith.fastmath<fast>}> : (f32, f32) -> f32
    %2 = "arith.addi"(%arg0, %arg0) <{overflowFlags = #arith.overflow<nsw, nuw>}> : (i32, i32) -> i32
    "func.return"(%0) : (i32) -> ()
  }) : () -> ()
}) : () -> ()

