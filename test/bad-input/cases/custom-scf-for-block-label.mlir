// ARGS: --allow-unregistered-dialect
// ERROR: 6:3: invalid block name in region with named arguments
// scf.for body starting with a block label
func.func @f(%n: index) {
  scf.for %i = %n to %n step %n {
  ^bb0(%j: index):
    scf.yield
  }
  return
}
