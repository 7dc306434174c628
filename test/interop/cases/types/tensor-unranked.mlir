// Pins: unranked tensors.
"x.a"() : () -> (tensor<*xf32>, tensor<*xcomplex<f64>>)
