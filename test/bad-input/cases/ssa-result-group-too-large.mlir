// ARGS: --allow-unregistered-dialect
// ERROR: 4:1: operation defines 1 results but was provided 2 to bind
// `%x:2 =` bound to an op with one result
%x:2 = "x.a"() : () -> i32
