// ARGS: --allow-unregistered-dialect
// ERROR: 4:21: expected integer elements, but parsed floating-point
// float elements in an integer tensor
"x.a"() {v = dense<[1.5, 2.0]> : tensor<2xi32>} : () -> ()
