// ARGS: --allow-unregistered-dialect
// ERROR: 5:8: block with no terminator, has %0 = "builtin.unrealized_conversion_cast"() : () -> i32
// func.func body ends with a registered non-terminator
"func.func"() <{function_type = () -> (), sym_name = "f"}> ({
  %0 = "builtin.unrealized_conversion_cast"() : () -> i32
}) : () -> ()
