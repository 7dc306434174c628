// Pins: argument numbering across sibling regions.
"x.r"() ({
^bb0(%a: i32, %b: i32):
  "x.use"(%a) : (i32) -> ()
}, {
^bb0(%c: i32):
  "x.use"(%c) : (i32) -> ()
}) : () -> ()
