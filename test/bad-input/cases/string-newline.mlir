// ARGS: --allow-unregistered-dialect
// ERROR: 4:17: expected '"' in string literal
// a newline inside a string literal
"x.a"() {s = "ab
cd"} : () -> ()
