// ARGS: --allow-unregistered-dialect
// ERROR: 4:15: expected ')'
// operand type list not closed
"x.a"() : (i32 -> ()
