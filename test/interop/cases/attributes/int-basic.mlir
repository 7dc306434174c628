// Pins: integer attributes of several types and the default i64 type.
"x.a"() {a = 42 : i32, b = 7, c = 0 : i8, d = 3 : i1000} : () -> ()
