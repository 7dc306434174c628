// Pins: scf.if with and without results and else; elided empty yields; `-> i32` printed `-> (i32)`.
func.func @f(%c: i1, %a: i32, %b: f32) -> (i32, f32) {
  scf.if %c {
    "x.then"() : () -> ()
  }
  scf.if %c {
    "x.then"() : () -> ()
    scf.yield
  } else {
  }
  %r = scf.if %c -> i32 {
    scf.yield %a : i32
  } else {
    scf.yield %a : i32
  }
  %s:2 = scf.if %c -> (i32, f32) {
    scf.yield %a, %b : i32, f32
  } else {
    %t = "x.t"() : () -> i32
    scf.yield %t, %b : i32, f32
  }
  return %r, %s#1 : i32, f32
}
