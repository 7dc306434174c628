// Pins: an empty fused location.
"x.a"() : () -> () loc(fused[])
