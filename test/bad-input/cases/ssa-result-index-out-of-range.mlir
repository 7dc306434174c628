// ARGS: --allow-unregistered-dialect
// ERROR: 5:7: reference to invalid result number
// `%x#3` on a two-result group
%x:2 = "x.a"() : () -> (i32, i32)
"x.b"(%x#3) : (i32) -> ()
