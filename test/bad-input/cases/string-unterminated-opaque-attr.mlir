// ARGS: --allow-unregistered-dialect
// ERROR: 4:33: expected '"' in string literal
// unterminated string inside an opaque dialect attribute
"x.a"() {v = #x<"abc} : () -> ()
