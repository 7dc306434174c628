// ARGS: --allow-unregistered-dialect
// ERROR: 7:5: custom op 'cf.switch' expected integer value
// cf.switch case value that is not an integer
func.func @f(%a: i32) {
  cf.switch %a : i32, [
    default: ^bb1,
    x: ^bb1
  ]
^bb1:
  return
}
