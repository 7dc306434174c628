// Pins: a nested builtin.module (IsolatedFromAbove) restarts numbering.
%0 = "x.a"() : () -> i32
"x.r"() ({
  %1 = "x.b"() : () -> i32
  "builtin.module"() ({
    %2 = "x.c"() : () -> i32
  }) : () -> ()
}) : () -> ()
