// ARGS: --allow-unregistered-dialect
// ERROR: 4:34: use of undeclared identifier
// d1 used but only d0 declared
"x.a"() {v = affine_map<(d0) -> (d1)>} : () -> ()
