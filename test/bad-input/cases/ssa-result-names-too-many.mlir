// ARGS: --allow-unregistered-dialect
// ERROR: 4:1: operation defines 1 results but was provided 2 to bind
// two names bound to an op with one result
%a, %b = "x.a"() : () -> i32
