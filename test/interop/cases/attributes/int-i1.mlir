// Pins: i1 values print as true/false, including 1 and -1.
"x.a"() {a = true, b = false, c = 1 : i1, d = 0 : i1, e = -1 : i1} : () -> ()
