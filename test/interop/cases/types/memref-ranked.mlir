// Pins: plain memrefs: static, dynamic and 0-d.
"x.a"() : () -> (memref<4x4xf32>, memref<?x4xi8>, memref<f32>)
