// ARGS: --allow-unregistered-dialect
// ERROR: 4:14: inferred shape of elements literal ([3]) does not match type ([2])
// 3 elements for tensor<2xi32>
"x.a"() {v = dense<[1, 2, 3]> : tensor<2xi32>} : () -> ()
