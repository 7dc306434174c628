// ARGS: --allow-unregistered-dialect
// ERROR: 4:27: expected ':'
// dense literal without ': type'
"x.a"() {v = dense<[1, 2]>} : () -> ()
