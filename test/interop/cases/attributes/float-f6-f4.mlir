// Pins: values in the 6-bit and 4-bit float types.
"x.a"() {a = 1.5 : f6E2M3FN, b = 3.0 : f6E3M2FN, c = 6.0 : f4E2M1FN} : () -> ()
