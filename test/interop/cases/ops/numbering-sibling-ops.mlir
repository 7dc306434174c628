// Pins: regions of later sibling ops are numbered before earlier ones.
"x.r1"() ({
  %a = "x.a"() : () -> i32
}) : () -> ()
"x.r2"() ({
  %b = "x.b"() : () -> i32
}) : () -> ()
%c = "x.c"() : () -> i32
