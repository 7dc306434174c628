// Pins: index-typed integer attributes.
"x.a"() {a = 0 : index, b = -5 : index, c = 123456789 : index} : () -> ()
