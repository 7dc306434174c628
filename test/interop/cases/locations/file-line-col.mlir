// Pins: file:line:col locations.
"x.a"() : () -> () loc("src/file.c":3:4)
