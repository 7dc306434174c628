// Pins: function types nested in inputs and results of function types.
"x.a"() {f = ((i32) -> i32, () -> ()) -> ((f32) -> (f32, f32))} : () -> ()
