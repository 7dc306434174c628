// ARGS: --allow-unregistered-dialect
// ERROR: 4:32: expected '(' in affine map range
// range without parentheses
"x.a"() {v = affine_map<(d0) -> d0>} : () -> ()
