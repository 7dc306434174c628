// ARGS: --allow-unregistered-dialect
// ERROR: 4:42: use of undeclared identifier
// s1 used but only s0 declared
"x.a"() {v = affine_map<(d0)[s0] -> (d0 + s1)>} : () -> ()
