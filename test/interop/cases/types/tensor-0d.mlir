// Pins: the 0-d tensor type.
"x.a"() : () -> tensor<f32>
