// Pins: dense arrays of f32 and f64 elements.
"x.a"() {a = array<f32: 1.0, 0.1, -0.0>, b = array<f64: 3.1415926535897931, 2.5>} : () -> ()
