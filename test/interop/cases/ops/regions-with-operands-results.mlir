// Pins: the full generic layout: results, operands, successors-free regions, attrs, type.
%0 = "x.c"() : () -> i32
%1:2 = "x.r"(%0, %0) <{p}> ({
  "x.a"(%0) : (i32) -> ()
}) {d = 1 : i8} : (i32, i32) -> (i1, i2)
