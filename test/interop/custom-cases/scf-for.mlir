// Pins: scf.for over index with and without iter_args; elided empty yield; induction variable numbering.
func.func @f(%lb: index, %ub: index, %s: index, %a: i32, %b: f32) -> (i32, f32) {
  scf.for %i = %lb to %ub step %s {
    "x.use"(%i) : (index) -> ()
  }
  %r = scf.for %i = %lb to %ub step %s iter_args(%acc = %a) -> i32 {
    %n = "x.next"(%acc, %i) : (i32, index) -> i32
    scf.yield %n : i32
  }
  %p:2 = scf.for %i = %lb to %ub step %s iter_args(%x = %r, %y = %b) -> (i32, f32) {
    scf.yield %x, %y : i32, f32
  }
  return %p#0, %p#1 : i32, f32
}
