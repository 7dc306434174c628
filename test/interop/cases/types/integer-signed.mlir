// Pins: signed integers si1 .. si128 print with the si prefix.
"x.a"() : () -> (si1, si5, si32, si128)
