// Pins: how a strided layout with an explicit zero offset prints.
"x.a"() : () -> memref<4x4xf32, strided<[4, 1], offset: 0>>
