// Pins: unused multi-result values still take their numbers.
%x:2 = "x.a"() : () -> (i32, i32)
%y = "x.b"() : () -> i32
