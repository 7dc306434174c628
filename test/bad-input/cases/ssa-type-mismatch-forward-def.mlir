// ARGS: --allow-unregistered-dialect
// ERROR: 5:1: definition of SSA value '%0#0' has type 'i32'
// forward use type differs from the later definition
"x.b"(%0) : (i64) -> ()
%0 = "x.a"() : () -> i32
