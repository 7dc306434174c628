// Pins: a value used before its definition inside a region.
"x.r"() ({
  "x.use"(%late) : (i32) -> ()
  %late = "x.def"() : () -> i32
}) : () -> ()
