// Pins: a range written with an explicit end line equal to the start line.
"x.a"() : () -> () loc("f.c":3:4 to 3:9)
