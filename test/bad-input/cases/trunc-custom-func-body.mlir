// ARGS: --allow-unregistered-dialect
// ERROR: 7:34: expected operation name in quotes
// func.func whose region and op close are missing (the custom-syntax variant returns
// with the func dialect's assembly format)
"func.func"() <{function_type = (i32) -> i32, sym_name = "f"}> ({
^bb0(%a: i32):
  "func.return"(%a) : (i32) -> ()
