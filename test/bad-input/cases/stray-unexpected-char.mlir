// ARGS: --allow-unregistered-dialect
// ERROR: 5:1: unexpected character
// a character no token starts with
"x.a"() : () -> ()
`
