// Pins: one location used by several ops shares one alias.
"x.a"() : () -> () loc("same.c":1:1)
"x.b"() : () -> () loc("same.c":1:1)
"x.c"() : () -> () loc("other.c":2:2)
