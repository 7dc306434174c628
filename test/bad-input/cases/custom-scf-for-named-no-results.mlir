// ARGS: --allow-unregistered-dialect
// ERROR: 5:3: cannot name an operation with no results
// scf.for without iter_args bound to a name
func.func @f(%n: index) {
  %r = scf.for %i = %n to %n step %n {
  }
  return
}
