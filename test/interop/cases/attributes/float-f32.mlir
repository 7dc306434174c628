// Pins: f32 values in the short e form.
"x.a"() {a = 1.0 : f32, b = 0.1 : f32, c = -2.5 : f32, d = 3.0e+10 : f32} : () -> ()
