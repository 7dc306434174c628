// ARGS: --allow-unregistered-dialect
// ERROR: 5:17: expected 2 operand types but had 1
// two operands but one operand type
%0 = "x.a"() : () -> i32
"x.b"(%0, %0) : (i32) -> ()
