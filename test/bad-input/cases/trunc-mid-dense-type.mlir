// ARGS: --allow-unregistered-dialect
// ERROR: 4:29: expected non-function type
// file ends after the ':' of a dense literal
"x.a"() {d = dense<[1, 2]> : 