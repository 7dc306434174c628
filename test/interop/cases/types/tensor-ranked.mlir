// Pins: static ranked tensors.
"x.a"() : () -> (tensor<4xf32>, tensor<2x3x4xi8>, tensor<0xi32>)
