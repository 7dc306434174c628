// ARGS: --allow-unregistered-dialect
// ERROR: 4:36: expected 'at' in callsite location
// callsite without 'at'
"x.a"() : () -> () loc(callsite("a" "b"))
