// Pins: dense complex float elements.
"x.a"() {a = dense<[(1.0, 2.0), (0.1, -0.0)]> : tensor<2xcomplex<f32>>, b = dense<(1.5, 2.5)> : tensor<2xcomplex<f64>>} : () -> ()
