// ARGS: --allow-unregistered-dialect
// ERROR: 4:14: elements literal must be a shaped type
// dense literal typed as a scalar
"x.a"() {v = dense<1> : i32} : () -> ()
