// ARGS: --allow-unregistered-dialect
// ERROR: 5:15: expected ':'
// file ends inside successor operands
func.func @f(%a: i32) {
  cf.br ^bb1(%a