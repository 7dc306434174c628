// Pins: #loc aliases used before they are defined (resolved at end of chunk).
"x.a"() : () -> () loc(#loc0)
"x.b"() : () -> () loc(#loc1)
#loc0 = loc("a.c":1:2)
#loc1 = loc(fused[#loc0, "b.c":3:4])
