// ARGS: --allow-unregistered-dialect
// ERROR: 4:18: unknown escape in string literal
// file ends right after a backslash in a string
"x.a"() {s = "abc\