// ARGS: --allow-unregistered-dialect
// ERROR: 4:35: expected ':'
// dense_resource without ': type'
"x.a"() {v = dense_resource<blob1>} : () -> ()
