// Pins: empty dense elements dense<>.
"x.a"() {a = dense<> : tensor<0xi32>, b = dense<> : tensor<2x0xf32>} : () -> ()
