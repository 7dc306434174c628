// Pins: plain and typed strings.
"x.a"() {a = "hello", b = "", c = "typed" : i32} : () -> ()
