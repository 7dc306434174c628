// Pins: locations on block arguments.
"x.r"() ({
^bb0(%a: i32 loc("a.c":1:1), %b: f32 loc(fused["b.c":2:2, "c.c":3:3]), %c: i8):
  "x.use"(%a, %b, %c) : (i32, f32, i8) -> ()
}) : () -> ()
