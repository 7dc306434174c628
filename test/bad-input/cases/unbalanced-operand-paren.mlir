// ARGS: --allow-unregistered-dialect
// ERROR: 4:7: expected ')' to end operand list
// '(' inside an operand list
"x.a"(() : () -> ()
