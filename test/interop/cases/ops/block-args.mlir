// Pins: entry block args print as %argN, other block args as %N.
"x.r"() ({
^bb0(%a: i32, %b: f32):
  "x.br"()[^bb1] : () -> ()
^bb1(%c: i8, %d: i8):
  "x.use"(%a, %b, %c, %d) : (i32, f32, i8, i8) -> ()
}) : () -> ()
