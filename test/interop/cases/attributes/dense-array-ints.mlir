// Pins: dense arrays of every integer element type.
"x.a"() {a = array<i1: true, false>, b = array<i8: -1, 2>, c = array<i16: 3>, d = array<i32: 1, 2, 3>, e = array<i64: -9223372036854775808>} : () -> ()
