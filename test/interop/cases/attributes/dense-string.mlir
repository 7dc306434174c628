// Pins: dense string elements, list and splat.
"x.a"() {a = dense<["a", "b\0A", ""]> : tensor<3x!foo.str>, b = dense<"s"> : tensor<2x!foo.str>} : () -> ()
