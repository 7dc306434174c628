// ARGS: --allow-unregistered-dialect
// ERROR: 7:7: expected ':'
// cf.switch case without a colon
func.func @f(%a: i32) {
  cf.switch %a : i32, [
    default: ^bb1,
    42 ^bb1
  ]
^bb1:
  return
}
