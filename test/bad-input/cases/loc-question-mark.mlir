// ARGS: --allow-unregistered-dialect
// ERROR: 4:24: expected location instance
// loc(?) is not accepted
"x.a"() : () -> () loc(?)
