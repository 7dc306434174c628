// Pins: unit attributes print as bare keys, explicit unit included.
"x.a"() {flag, other = unit, "q k"} : () -> ()
