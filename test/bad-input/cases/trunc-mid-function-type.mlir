// ARGS: --allow-unregistered-dialect
// ERROR: 4:16: expected non-function type
// file ends inside the operand types of a function type
"x.a"() : (i32, 