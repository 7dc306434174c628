// Pins: dense elements of ui and si types.
"x.a"() {a = dense<[255, 0]> : tensor<2xui8>, b = dense<[-128, 127]> : tensor<2xsi8>} : () -> ()
