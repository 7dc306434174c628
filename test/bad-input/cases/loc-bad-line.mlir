// ARGS: --allow-unregistered-dialect
// ERROR: 4:28: expected integer line number in FileLineColRange
// non-integer line number
"x.a"() : () -> () loc("f":x)
