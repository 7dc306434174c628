// Pins: unranked memrefs, with and without a memory space.
"x.a"() : () -> (memref<*xf32>, memref<*xi8, 3>, memref<*xf32, #gpu.address_space<private>>)
