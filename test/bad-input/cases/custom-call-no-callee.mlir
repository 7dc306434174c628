// ARGS: --allow-unregistered-dialect
// ERROR: 5:9: expected non-function type
// func.call without a callee symbol
func.func @f(%a: i32) {
  call (%a) : (i32) -> ()
  return
}
