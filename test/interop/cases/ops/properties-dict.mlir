// Pins: properties <{...}> on an unregistered op, with sorted keys.
"x.a"() <{b = 2 : i32, a, c = "s"}> : () -> ()
