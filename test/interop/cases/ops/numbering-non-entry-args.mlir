// Pins: non-entry block args take value numbers interleaved with op results.
"x.r"() ({
  %a = "x.a"() : () -> i32
  "x.br"()[^bb1] : () -> ()
^bb1(%b: i32):
  %c = "x.c"() : () -> i32
  "x.br"()[^bb2] : () -> ()
^bb2(%d: i32, %e: i32):
  "x.ret"() : () -> ()
}) : () -> ()
