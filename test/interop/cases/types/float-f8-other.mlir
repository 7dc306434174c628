// Pins: f8E3M4 and the exponent-only f8E8M0FNU.
"x.a"() : () -> (f8E3M4, f8E8M0FNU)
