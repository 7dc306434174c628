// Pins: attribute dictionary after operands and before the signature.
%0 = "x.a"() {v = 1 : i32} : () -> i32
"x.b"(%0) {w = [@s]} : (i32) -> ()
