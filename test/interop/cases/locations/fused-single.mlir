// Pins: a fused location with one element collapses to it.
"x.a"() : () -> () loc(fused["a.c":1:2])
