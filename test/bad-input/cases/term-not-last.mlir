// ARGS: --allow-unregistered-dialect
// ERROR: 5:3: 'func.return' op must be the last operation in the parent block
// func.return followed by another op
"func.func"() <{function_type = () -> (), sym_name = "f"}> ({
  "func.return"() : () -> ()
  %0 = "x.a"() : () -> i32
}) : () -> ()
