// Pins: properties and discardable attributes side by side.
%0 = "x.a"() <{p = 1 : i8}> {d = 2 : i8} : () -> i32
