// Pins: fused drops duplicates and unknown elements.
"x.a"() : () -> () loc(fused["a.c":1:2, unknown, "a.c":1:2, "b.c":3:4])
