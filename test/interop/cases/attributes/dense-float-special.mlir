// Pins: NaN and infinity inside dense lists.
"x.a"() {a = dense<[0x7FC00000, 0x7F800000, 1.0]> : tensor<3xf32>, b = dense<0xFF800000> : tensor<2xf32>} : () -> ()
