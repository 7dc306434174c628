// ARGS: --allow-unregistered-dialect
// ERROR: 4:16: unknown escape in string literal
// \4g is not two hex digits
"x.a"() {s = "a\4g"} : () -> ()
