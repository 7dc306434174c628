// Pins: the 6-bit and 4-bit float types.
"x.a"() : () -> (f6E2M3FN, f6E3M2FN, f4E2M1FN)
