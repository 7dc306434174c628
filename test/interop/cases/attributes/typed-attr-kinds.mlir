// Pins: attributes inside arrays keep their types.
"x.a"() {a = [1 : i8, 2 : i16, 3, 1.0 : f16, true, "s" : index]} : () -> ()
