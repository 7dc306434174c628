// Pins: an empty attribute dictionary is omitted.
"x.a"() {} : () -> ()
