// ARGS: --allow-unregistered-dialect
// ERROR: 5:10: custom op 'scf.for' mismatch in number of loop-carried values and defined values
// scf.for with more result types than iter_args
func.func @f(%n: index, %a: i32) {
  %r:2 = scf.for %i = %n to %n step %n iter_args(%x = %a) -> (i32, i32) {
    scf.yield %x, %x : i32, i32
  }
  return
}
