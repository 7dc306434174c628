// Pins: IEEE binary float types f16, f32, f64.
"x.a"() : () -> (f16, f32, f64)
