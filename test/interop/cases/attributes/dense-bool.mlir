// Pins: dense i1 elements as lists and splats.
"x.a"() {a = dense<[true, false, true]> : tensor<3xi1>, b = dense<true> : tensor<4xi1>, c = dense<false> : vector<2xi1>} : () -> ()
