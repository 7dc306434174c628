// Pins: ranges ending on the same line.
"x.a"() : () -> () loc("f.c":3:4 to :9)
