// ARGS: --allow-unregistered-dialect
// ERROR: 4:16: unknown escape in string literal
// unknown escape \q
"x.a"() {s = "a\q"} : () -> ()
