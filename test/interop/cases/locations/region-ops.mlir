// Pins: locations of ops nested in regions and of the region holder.
"x.r"() ({
  "x.in"() : () -> () loc("in.c":1:1)
}) : () -> () loc("out.c":2:2)
