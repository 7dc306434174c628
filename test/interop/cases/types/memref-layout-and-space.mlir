// Pins: a memref with both a layout and a memory space.
"x.a"() : () -> memref<8x?xf32, strided<[?, 1], offset: ?>, 3>
