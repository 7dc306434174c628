// Pins: names, call sites and fused locations nested inside each other.
"x.a"() : () -> () loc(fused<"outer">["n"(callsite("f.c":1:1 at fused["g.c":2:2, "h"])), callsite("x" at "y"("z.c":3:3))])
