// Pins: scf.if's attribute dictionary after its regions, and the implicit yield's location (the op name).
func.func @f(%c: i1) {
  scf.if %c {} {x.a = 1 : i32}
  scf.if %c {
  } else {
    "x.e"() : () -> ()
  } {x.b, x.c = "s"} loc("named")
  return
}
