// Pins: a type alias is resolved and not reprinted under its name.
!t = i32
!u = !foo.long<"a type with a long body">
"x.a"() : () -> (!t, !u)
