// Pins: properties that are not a dictionary.
"x.a"() <5 : i32> : () -> ()
"x.b"() <[1, 2]> : () -> ()
