// ARGS: --allow-unregistered-dialect
// ERROR: 4:23: expected ']'
// file ends inside a dense literal
"x.a"() {d = dense<[1, 2