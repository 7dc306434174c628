// Pins: region ops using values defined outside the region.
%0 = "x.a"() : () -> i32
"x.r"() ({
  "x.use"(%0) : (i32) -> ()
  %1 = "x.b"(%0) : (i32) -> i32
}) : () -> ()
"x.use"(%0) : (i32) -> ()
