// Pins: negative integers, including the minimum of a width.
"x.a"() {a = -1 : i32, b = -128 : i8, c = -9223372036854775808 : i64} : () -> ()
