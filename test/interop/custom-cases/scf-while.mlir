// Pins: scf.while with inits and results, the after region's entry arguments, no inits, attributes.
func.func @f(%a: i32, %b: f32, %c: i1) -> i32 {
  %r:2 = scf.while (%x = %a, %y = %b) : (i32, f32) -> (i32, f32) {
    %k = "x.cond"(%x) : (i32) -> i1
    scf.condition(%k) %x, %y : i32, f32
  } do {
  ^bb0(%u: i32, %v: f32):
    scf.yield %u, %v : i32, f32
  }
  scf.while : () -> () {
    scf.condition(%c)
  } do {
    scf.yield
  } attributes {x.w = unit}
  %s = scf.while (%z = %c) : (i1) -> i32 {
    scf.condition(%z) %a : i32
  } do {
  ^bb0(%w: i32):
    scf.yield %c : i1
  }
  return %r#0 : i32
}
