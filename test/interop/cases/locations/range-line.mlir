// Pins: ranges ending on another line.
"x.a"() : () -> () loc("f.c":3:4 to 5:6)
