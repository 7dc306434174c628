// ARGS: --allow-unregistered-dialect
// ERROR: 5:10: use of undeclared SSA value name
// a custom op using an undeclared value
func.func @f() {
  return %nope : i32
}
