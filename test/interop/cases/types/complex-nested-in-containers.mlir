// Pins: complex element types inside tensor, vector and memref.
"x.a"() : () -> (tensor<2xcomplex<f32>>, memref<4xcomplex<i16>>)
