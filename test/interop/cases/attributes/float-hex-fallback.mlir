// Pins: values whose shortest form has no '.' print as hex bit patterns.
"x.a"() {a = 16777216.0 : f32, b = 123456789.0 : f64, c = 100.0 : f32, d = 1.0e+20 : f64} : () -> ()
