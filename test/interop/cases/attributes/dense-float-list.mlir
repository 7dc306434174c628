// Pins: dense float elements, including values needing the long form.
"x.a"() {a = dense<[1.0, 0.1, -0.0, 3.1415926535897931]> : tensor<4xf64>, b = dense<[[0.5], [2.0]]> : tensor<2x1xf16>} : () -> ()
