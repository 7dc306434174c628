// Pins: denormal and large magnitudes.
"x.a"() {a = 1.0e-45 : f32, b = 3.4028234663852886e+38 : f32, c = 4.9406564584124654E-324 : f64} : () -> ()
