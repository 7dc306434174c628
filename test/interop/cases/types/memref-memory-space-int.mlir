// Pins: integer memory spaces, including the default space 0.
"x.a"() : () -> (memref<4xf32, 3>, memref<4xf32, 0>, memref<4xf32, 1 : i32>)
