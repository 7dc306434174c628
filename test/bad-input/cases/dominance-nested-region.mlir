// ARGS: --allow-unregistered-dialect
// ERROR: 6:5: operand #0 does not dominate this use
// use inside a nested region of a value defined later in the parent block
"func.func"() <{function_type = () -> (), sym_name = "f"}> ({
  "x.r"() ({
    "x.b"(%0) : (i32) -> ()
  }) : () -> ()
  %0 = "x.a"() : () -> i32
  "func.return"() : () -> ()
}) : () -> ()
