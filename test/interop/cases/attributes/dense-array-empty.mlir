// Pins: empty dense arrays of every element type.
"x.a"() {a = array<i1>, b = array<i8>, c = array<i16>, d = array<i32>, e = array<i64>, f = array<f32>, g = array<f64>} : () -> ()
