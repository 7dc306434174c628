// ARGS: --allow-unregistered-dialect
// ERROR: 4:1: operation defines 2 results but was provided 1 to bind
// one name bound to an op with two results
%a = "x.a"() : () -> (i32, i32)
