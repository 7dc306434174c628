// Pins: integer attributes of si and ui types.
"x.a"() {a = -1 : si8, b = 255 : ui8, c = 18446744073709551615 : ui64, d = 127 : si8} : () -> ()
