// Pins: hex dense input holding one element for a larger shape is a splat.
"x.a"() {a = dense<"0x2A000000"> : tensor<4xi32>} : () -> ()
