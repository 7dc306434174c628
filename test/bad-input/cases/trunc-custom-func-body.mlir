// ARGS: --allow-unregistered-dialect
// ERROR: 5:18: expected operation name in quotes
// custom func.func whose closing brace is missing
func.func @f(%a: i32) -> i32 {
  return %a : i32
