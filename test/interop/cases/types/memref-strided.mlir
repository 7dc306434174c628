// Pins: strided layouts with static and dynamic strides and offsets.
"x.a"() : () -> (memref<4x4xf32, strided<[4, 1]>>, memref<?x?xf32, strided<[?, 1], offset: ?>>, memref<4x4xf32, strided<[8, 2], offset: 3>>)
