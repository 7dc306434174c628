// Pins: an identity affine-map layout is dropped.
"x.a"() : () -> memref<4x8xf32, affine_map<(d0, d1) -> (d0, d1)>>
