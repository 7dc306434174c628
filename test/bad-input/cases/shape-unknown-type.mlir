// ARGS: --allow-unregistered-dialect
// ERROR: 4:16: expected non-function type
// a bare word is not a type
"x.a"() : () -> foo
