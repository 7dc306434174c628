// Pins: a use in an earlier block of a value from a later, dominating block.
"x.r"() ({
  "x.br"()[^bb2] : () -> ()
^bb1:
  "x.use"(%v) : (i32) -> ()
  "x.ret"() : () -> ()
^bb2:
  %v = "x.def"() : () -> i32
  "x.br"()[^bb1] : () -> ()
}) : () -> ()
