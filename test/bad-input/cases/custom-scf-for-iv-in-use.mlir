// ARGS: --allow-unregistered-dialect
// ERROR: 5:11: region entry argument '%n' is already in use
// scf.for induction variable named like a function argument
func.func @f(%n: index) {
  scf.for %n = %n to %n step %n {
  }
  return
}
