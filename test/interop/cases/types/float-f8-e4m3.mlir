// Pins: the E4M3 family of 8-bit floats.
"x.a"() : () -> (f8E4M3, f8E4M3FN, f8E4M3FNUZ, f8E4M3B11FNUZ)
