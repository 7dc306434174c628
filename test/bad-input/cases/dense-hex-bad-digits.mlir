// ARGS: --allow-unregistered-dialect
// ERROR: 4:20: expected string containing hex digits starting with `0x`
// hex data with non-hex digits
"x.a"() {v = dense<"0xZZ"> : tensor<1xi8>} : () -> ()
