// Pins: name locations.
"x.a"() : () -> () loc("myname")
