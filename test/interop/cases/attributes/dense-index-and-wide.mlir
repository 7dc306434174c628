// Pins: dense elements of index and i128 element types.
"x.a"() {a = dense<[1, -2]> : tensor<2xindex>, b = dense<[170141183460469231731687303715884105727, -1]> : tensor<2xi128>} : () -> ()
