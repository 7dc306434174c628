// ARGS: --allow-unregistered-dialect
// ERROR: 4:15: expected '}' in attribute dictionary
// 1e5 is not a float literal (floats need a dot)
"x.a"() {v = 1e5 : f32} : () -> ()
