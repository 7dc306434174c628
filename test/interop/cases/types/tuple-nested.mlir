// Pins: tuples nested inside tuples, including empty ones.
"x.a"() : () -> tuple<i32, tuple<f32, tuple<>>, tuple<tuple<i1>>>
