// Pins: calls with no operands, no results, and several results.
func.func private @a()
func.func private @b() -> (i32, f32)
func.func @f() {
  call @a() : () -> ()
  %0:2 = call @b() : () -> (i32, f32)
  "x.use"(%0#0, %0#1) : (i32, f32) -> ()
  return
}
