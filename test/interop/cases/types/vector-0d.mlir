// Pins: the 0-d vector type.
"x.a"() : () -> vector<f32>
