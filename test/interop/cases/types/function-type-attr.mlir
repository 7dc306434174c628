// Pins: function types used as attribute values.
"x.a"() {f0 = () -> (), f1 = (i32) -> i64, f2 = (i32, f32) -> (i1, i8)} : () -> ()
