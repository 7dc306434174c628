// Pins: untyped floats default to f64.
"x.a"() {a = 1.5, b = 0.1} : () -> ()
