// ARGS: --allow-unregistered-dialect
// ERROR: 4:37: non-affine expression: at least one of the multiply operands has to be either a constant or symbolic
// product of two dimensions
"x.a"() {v = affine_map<(d0) -> (d0 * d0)>} : () -> ()
