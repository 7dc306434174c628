// Pins: location attributes used as attribute values.
"x.a"() {l = loc("a.c":1:1), m = loc(unknown)} : () -> ()
