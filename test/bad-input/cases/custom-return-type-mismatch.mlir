// ARGS: --allow-unregistered-dialect
// ERROR: 5:10: use of value '%a' expects different type than prior uses: 'f32' vs 'i32'
// a return operand typed differently from its definition
func.func @f(%a: i32) -> i32 {
  return %a : f32
}
