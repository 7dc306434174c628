// Pins: scf.for over non-index bounds (`step %s  : i32` with two spaces), `unsigned`, attributes.
func.func @f(%lb: i32, %ub: i32, %s: i32, %v: i64) -> i64 {
  scf.for %i = %lb to %ub step %s : i32 {
    "x.use"(%i) : (i32) -> ()
  }
  scf.for unsigned %i = %lb to %ub step %s : i32 {
  } {x.tag = 3 : i8}
  %r = scf.for %i = %lb to %ub step %s iter_args(%acc = %v) -> (i64) : i32 {
    scf.yield %acc : i64
  } {unsignedCmp}
  return %r : i64
}
