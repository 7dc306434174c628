// Pins: a fused location with one element and metadata stays fused.
"x.a"() : () -> () loc(fused<"m">["a.c":1:2])
