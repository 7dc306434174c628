// Pins: values above the signed max of a signless width print as negative.
"x.a"() {a = 255 : i8, b = 4294967295 : i32} : () -> ()
