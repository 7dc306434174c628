// ARGS: --allow-unregistered-dialect
// ERROR: 5:3: operand #0 does not dominate this use
// use before def in one block of an SSACFG region
"func.func"() <{function_type = () -> (), sym_name = "f"}> ({
  "x.b"(%0) : (i32) -> ()
  %0 = "x.a"() : () -> i32
  "func.return"() : () -> ()
}) : () -> ()
