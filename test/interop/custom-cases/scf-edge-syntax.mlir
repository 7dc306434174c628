// Pins: empty assignment and result lists (`()`, `-> ()`), an iter_args location, an after-region argument location.
func.func @f(%c: i1, %a: i32, %n: index) {
  %r = scf.for %i = %n to %n step %n iter_args(%acc loc("acc") = %a) -> (i32) {
    scf.yield %acc : i32
  }
  scf.while () : () -> () {
    scf.condition(%c)
  } do {
  ^bb0:
    scf.yield
  }
  scf.if %c -> () {
  }
  scf.for %i = %n to %n step %n iter_args() -> () {
  }
  %w = scf.while (%x = %a) : (i32) -> (i32) {
    scf.condition(%c) %x : i32
  } do {
  ^bb0(%y: i32 loc("yy")):
    scf.yield %y : i32
  } attributes {}
  return
}
