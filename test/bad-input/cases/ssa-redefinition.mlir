// ARGS: --allow-unregistered-dialect
// ERROR: 5:1: redefinition of SSA value '%0'
// the same name defined twice
%0 = "x.a"() : () -> i32
%0 = "x.b"() : () -> i32
