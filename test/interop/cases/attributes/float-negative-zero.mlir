// Pins: -0.0 in several float types.
"x.a"() {a = -0.0 : f32, b = -0.0 : f64, c = 0.0 : f16} : () -> ()
