// Pins: distinct over the empty (unit) body.
"x.a"() {a = distinct[0]<>} : () -> ()
