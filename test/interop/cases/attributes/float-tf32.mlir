// Pins: tf32 values.
"x.a"() {a = 1.5 : tf32, b = 0.1 : tf32} : () -> ()
