// ARGS: --allow-unregistered-dialect
// ERROR: 4:23: floating point value not valid for specified type
// float literal typed as an integer
"x.a"() {v = 1.5 : i32} : () -> ()
