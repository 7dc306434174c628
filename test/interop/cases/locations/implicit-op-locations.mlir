// Pins: ops without loc(...) get their position in the combined file.
"x.a"() : () -> ()
  "x.b"() : () -> ()
%0 = "x.c"() : () -> i32
