// Pins: the same value used several times as an operand.
%0 = "x.a"() : () -> i32
"x.b"(%0, %0, %0) : (i32, i32, i32) -> ()
