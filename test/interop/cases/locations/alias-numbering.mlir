// Pins: #loc numbering: module loc first, op loc before its regions, nested locs last.
"x.a"() : () -> () loc(fused["z.c":1:1, "y.c":2:2])
"x.r"() ({
^bb0(%a: i32 loc("arg.c":1:1)):
  "x.in"() : () -> () loc("in.c":1:1)
}) : () -> () loc("r.c":1:1)
"x.b"() : () -> () loc(callsite("q.c":1:1 at "p.c":2:2))
