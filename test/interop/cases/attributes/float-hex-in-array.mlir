// f64 elements of an array print without their type, except hex bit patterns (NaN, inf, large integral values).
"x.a"() {k = [0x7FF8000000000000 : f64, 0x7FF0000000000000 : f64, 1.5 : f64, 0x4341C37937E08000 : f64, 2 : i64, 3 : i32]} : () -> ()
"x.b"() <{p = ["s", 0xFFF8000000000000 : f64]}> : () -> ()
