// Pins: dense elements of bf16 and 8-bit float types.
"x.a"() {a = dense<[1.5, 0.1]> : tensor<2xbf16>, b = dense<[1.0, 2.0, 0.5]> : tensor<3xf8E4M3FN>} : () -> ()
