// Pins: name locations with an explicit unknown child.
"x.a"() : () -> () loc("myname"(unknown))
