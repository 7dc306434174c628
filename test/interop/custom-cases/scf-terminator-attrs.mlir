// Pins: attributes on scf.yield and scf.condition and aliased types in scf results.
!t = tensor<4xf32>
func.func @f(%c: i1, %a: !t, %n: index) -> !t {
  %r = scf.if %c -> (!t) {
    scf.yield {x.a} %a : !t
  } else {
    scf.yield %a : !t
  }
  %w = scf.while (%x = %r) : (!t) -> !t {
    scf.condition(%c) {x.b = 2} %x : !t
  } do {
  ^bb0(%y: !t):
    scf.yield %y : !t
  }
  %f = scf.for %i = %n to %n step %n iter_args(%acc = %w) -> (!t) {
    scf.yield %acc : !t
  }
  return %f : !t
}
