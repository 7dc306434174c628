// ARGS: --allow-unregistered-dialect
// ERROR: 4:41: missing right operand of binary operator
// file ends inside an affine map
"x.a"() {m = affine_map<(d0, d1) -> (d0 +