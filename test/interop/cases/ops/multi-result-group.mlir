// Pins: a result group %x:3 and uses %x#N.
%x:3 = "x.a"() : () -> (i32, f32, i8)
"x.b"(%x#2, %x#0, %x#1) : (i8, i32, f32) -> ()
