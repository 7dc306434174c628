// Pins: an op with several non-empty regions.
"x.r"() ({
  "x.a"() : () -> ()
}, {
  "x.b"() : () -> ()
}) : () -> ()
