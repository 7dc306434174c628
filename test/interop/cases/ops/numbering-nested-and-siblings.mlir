// Pins: the LIFO walk when sibling regions hold nested regions.
"x.r"() ({
  %a = "x.a"() : () -> i32
  "x.inner"() ({
    %b = "x.b"() : () -> i32
  }, {
    %c = "x.c"() : () -> i32
  }) : () -> ()
  %d = "x.d"() : () -> i32
}, {
^bb0(%arg: i32):
  %e = "x.e"() : () -> i32
  "x.inner"() ({
    %f = "x.f"() : () -> i32
  }) : () -> ()
}) : () -> ()
