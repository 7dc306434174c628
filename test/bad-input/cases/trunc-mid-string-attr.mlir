// ARGS: --allow-unregistered-dialect
// ERROR: 4:18: expected '"' in string literal
// file ends inside a string attribute
"x.a"() {s = "abc