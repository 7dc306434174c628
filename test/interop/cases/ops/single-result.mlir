// Pins: single results print as %N without parentheses in the signature.
%r = "x.a"() : () -> i32
%s = "x.b"(%r) : (i32) -> f32
