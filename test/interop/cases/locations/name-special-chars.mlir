// Pins: name locations with characters that need escapes.
"x.a"() : () -> () loc("a\"b\\c\0A")
