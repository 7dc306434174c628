// Pins: finite values given as hex bit patterns print in decimal.
"x.a"() {a = 0x3C00 : f16, b = 0x3F800000 : f32, c = 0x4000000000000000 : f64} : () -> ()
