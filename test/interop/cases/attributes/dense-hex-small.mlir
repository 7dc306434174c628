// Pins: hex dense input with at most 100 elements prints as a list.
"x.a"() {a = dense<"0x0100000002000000"> : tensor<2xi32>, b = dense<"0x0000803F"> : tensor<1xf32>} : () -> ()
