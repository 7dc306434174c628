// Pins: fused locations with metadata attributes.
"x.a"() : () -> () loc(fused<"CSE">["a.c":1:2, "b.c":3:4])
"x.b"() : () -> () loc(fused<{k = 1 : i32}>["a.c":1:2, "c.c":5:6])
