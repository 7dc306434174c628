// Pins: splat dense elements stay splats, and equal lists become splats.
"x.a"() {a = dense<1.0> : tensor<8xf32>, b = dense<7> : tensor<1000xi32>, c = dense<[3, 3, 3]> : tensor<3xi8>} : () -> ()
