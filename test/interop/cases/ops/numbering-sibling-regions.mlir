// Pins: sibling regions are numbered last-first (LIFO) with a continuing counter.
%0 = "x.a"() : () -> i32
"x.r"() ({
  %1 = "x.b"() : () -> i32
}, {
  %2 = "x.c"() : () -> i32
}, {
  %3 = "x.d"() : () -> i32
}) : () -> ()
%4 = "x.e"() : () -> i32
