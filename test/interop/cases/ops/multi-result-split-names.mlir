// Pins: results bound to several names print as one group.
%a, %b:2, %c = "x.a"() : () -> (i32, i32, i32, i32)
"x.b"(%a, %b#1, %c) : (i32, i32, i32) -> ()
