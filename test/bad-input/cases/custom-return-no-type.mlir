// ARGS: --allow-unregistered-dialect
// ERROR: 5:12: expected ':'
// return operands without their types
func.func @f(%a: i32) -> i32 {
  return %a
}
