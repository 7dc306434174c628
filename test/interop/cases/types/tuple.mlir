// Pins: a flat tuple type.
"x.a"() : () -> tuple<i32, f32, index>
