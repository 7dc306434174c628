// Pins: an affine-map layout on a memref.
"x.a"() : () -> memref<4x8xf32, affine_map<(d0, d1) -> (d1, d0)>>
