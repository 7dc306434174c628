// Pins: hex integer input prints in decimal.
"x.a"() {a = 0x1F : i32, b = 0xFF : i8, c = 0x7FFFFFFF : i32} : () -> ()
