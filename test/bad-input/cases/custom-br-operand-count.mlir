// ARGS: --allow-unregistered-dialect
// ERROR: 5:14: custom op 'cf.br' number of operands and types do not match: got 2 operands and 1 types
// cf.br with more operands than types
func.func @f(%a: i32) {
  cf.br ^bb1(%a, %a : i32)
^bb1(%x: i32, %y: i32):
  return
}
