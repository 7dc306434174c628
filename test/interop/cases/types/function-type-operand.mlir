// Pins: a function-typed operand in an op signature.
%0 = "x.a"() : () -> ((i1) -> (i2, i3))
"x.b"(%0) : ((i1) -> (i2, i3)) -> ()
