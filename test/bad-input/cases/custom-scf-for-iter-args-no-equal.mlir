// ARGS: --allow-unregistered-dialect
// ERROR: 5:50: expected '='
// scf.for iter_args entry without its =
func.func @f(%n: index, %a: i32) {
  %r = scf.for %i = %n to %n step %n iter_args(%x %a) -> (i32) {
    scf.yield %x : i32
  }
  return
}
