// ARGS: --allow-unregistered-dialect
// ERROR: 5:3: 'func.return' op has 0 operands, but enclosing function (@f) returns 1
// func.return with fewer values than the function returns
"func.func"() <{function_type = () -> i32, sym_name = "f"}> ({
  "func.return"() : () -> ()
}) : () -> ()
