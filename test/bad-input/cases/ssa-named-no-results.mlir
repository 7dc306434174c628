// ARGS: --allow-unregistered-dialect
// ERROR: 4:1: cannot name an operation with no results
// a name bound to an op with no results
%0 = "x.a"() : () -> ()
