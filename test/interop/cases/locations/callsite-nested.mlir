// Pins: call-site locations nested in both positions.
"x.a"() : () -> () loc(callsite(callsite("a.c":1:1 at "b.c":2:2) at callsite("c" at "d.c":4:4)))
