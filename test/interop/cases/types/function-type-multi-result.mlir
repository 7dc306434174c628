// Pins: multiple results and single parenthesised results in signatures.
"x.a"() : () -> (i32, f32, index)
"x.b"() : () -> (i32)
