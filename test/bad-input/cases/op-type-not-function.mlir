// ARGS: --allow-unregistered-dialect
// ERROR: 4:16: expected function type
// a generic op's type must be a function type
%0 = "x.a"() : i32
