// ARGS: --allow-unregistered-dialect
// ERROR: 4:14: elements literal type must have static shape
// dense literal of a dynamically shaped type
"x.a"() {v = dense<[1, 2]> : tensor<?xi32>} : () -> ()
