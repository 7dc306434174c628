// Pins: fused locations.
"x.a"() : () -> () loc(fused["a.c":1:2, "b.c":3:4])
