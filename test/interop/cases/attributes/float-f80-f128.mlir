// Pins: extended-precision values.
"x.a"() {a = 1.5 : f80, b = 0.1 : f80, c = 2.5 : f128, d = 0.1 : f128} : () -> ()
