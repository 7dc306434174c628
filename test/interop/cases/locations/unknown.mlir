// Pins: the unknown location.
"x.a"() : () -> () loc(unknown)
