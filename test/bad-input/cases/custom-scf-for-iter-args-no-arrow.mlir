// ARGS: --allow-unregistered-dialect
// ERROR: 5:56: expected '->'
// scf.for iter_args without the result type list
func.func @f(%n: index, %a: i32) {
  %r = scf.for %i = %n to %n step %n iter_args(%x = %a) {
    scf.yield %x : i32
  }
  return
}
