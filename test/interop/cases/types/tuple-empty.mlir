// Pins: the empty tuple type.
"x.a"() : () -> tuple<>
