// ARGS: --allow-unregistered-dialect
// ERROR: 4:30: expected location instance
// fused location list not closed
"x.a"() : () -> () loc(fused[)
