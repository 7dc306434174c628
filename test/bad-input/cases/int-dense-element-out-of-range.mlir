// ARGS: --allow-unregistered-dialect
// ERROR: 4:21: integer constant out of range for type
// dense element does not fit i8
"x.a"() {v = dense<[300]> : tensor<1xi8>} : () -> ()
