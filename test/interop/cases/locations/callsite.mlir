// Pins: call-site locations.
"x.a"() : () -> () loc(callsite("inner" at "outer.c":10:8))
