// Pins: the E5M2 family of 8-bit floats.
"x.a"() : () -> (f8E5M2, f8E5M2FNUZ)
