// Pins: name locations with a child location.
"x.a"() : () -> () loc("myname"("f.c":1:2))
