// Pins: a function type used as an op result type (parenthesised).
"x.a"() : () -> ((i32) -> i64)
