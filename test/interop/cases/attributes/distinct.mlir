// Pins: distinct attributes print as #distinct aliases.
"x.a"() {a = distinct[0]<42 : i32>} : () -> ()
