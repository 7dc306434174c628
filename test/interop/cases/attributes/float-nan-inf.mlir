// Pins: NaN and infinities print as hex bit patterns.
"x.a"() {a = 0x7FC00000 : f32, b = 0x7F800000 : f32, c = 0xFF800000 : f32, d = 0x7FF8000000000000 : f64} : () -> ()
