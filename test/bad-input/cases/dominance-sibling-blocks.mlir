// ARGS: --allow-unregistered-dialect
// ERROR: 11:3: operand #0 does not dominate this use
// use in a block that the defining block does not dominate
"func.func"() <{function_type = (i1) -> (), sym_name = "f"}> ({
^bb0(%c: i1):
  "cf.cond_br"(%c)[^bb1, ^bb2] <{operandSegmentSizes = array<i32: 1, 0, 0>}> : (i1) -> ()
^bb1:
  %0 = "x.a"() : () -> i32
  "cf.br"()[^bb3] : () -> ()
^bb2:
  "x.b"(%0) : (i32) -> ()
  "cf.br"()[^bb3] : () -> ()
^bb3:
  "func.return"() : () -> ()
}) : () -> ()
