// Pins: file names that need escapes.
"x.a"() : () -> () loc("dir name/q\"f\".c":1:2)
