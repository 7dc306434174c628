// ARGS: --allow-unregistered-dialect
// ERROR: 7:18: expected ',' or ']'
// file ends inside a successor list (successor operands, `^bb1(%a : i32)`, exist only in
// custom syntax; that variant returns with the cf dialect's assembly format)
"func.func"() <{function_type = (i32) -> (), sym_name = "f"}> ({
^bb0(%a: i32):
  "cf.br"(%a)[^bb1