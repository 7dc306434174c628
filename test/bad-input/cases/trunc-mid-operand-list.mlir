// ARGS: --allow-unregistered-dialect
// ERROR: 6:10: expected ')' to end operand list
// file ends inside an operand list
"func.func"() <{function_type = () -> (), sym_name = "f"}> ({
  %0 = "x.a"() : () -> i32
  "x.b"(%0