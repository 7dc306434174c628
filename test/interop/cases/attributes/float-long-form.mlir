// Pins: values that need the shortest round-trip form with an upper-case E.
"x.a"() {a = 3.1415926535897931 : f64, b = 1.0e-7 : f64, c = 0.3 : f64, d = 123456789.0 : f64} : () -> ()
