// ARGS: --allow-unregistered-dialect
// ERROR: 4:19: expected operation name in quotes
// an extra '}' after the last op; reported at the end of the previous token
"x.a"() : () -> ()
}
