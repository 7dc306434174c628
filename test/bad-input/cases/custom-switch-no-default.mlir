// ARGS: --allow-unregistered-dialect
// ERROR: 6:5: custom op 'cf.switch' expected 'default'
// cf.switch without its default case
func.func @f(%a: i32) {
  cf.switch %a : i32, [
    42: ^bb1
  ]
^bb1:
  return
}
