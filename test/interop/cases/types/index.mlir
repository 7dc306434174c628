// Pins: the index type as result and operand type.
%0 = "x.a"() : () -> index
"x.b"(%0) : (index) -> ()
