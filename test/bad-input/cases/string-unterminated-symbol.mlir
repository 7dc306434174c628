// ARGS: --allow-unregistered-dialect
// ERROR: 4:31: expected '"' in string literal
// unterminated quoted symbol name
"x.a"() {v = @"foo} : () -> ()
