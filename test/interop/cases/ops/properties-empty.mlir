// Pins: empty properties <{}>.
"x.a"() <{}> : () -> ()
