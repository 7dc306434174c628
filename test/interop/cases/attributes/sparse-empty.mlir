// Pins: empty sparse elements.
"x.a"() {a = sparse<> : tensor<4xf32>} : () -> ()
