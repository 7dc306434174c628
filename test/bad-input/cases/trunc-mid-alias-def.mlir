// ARGS: --allow-unregistered-dialect
// ERROR: 4:22: expected '->' or ':'
// file ends inside an attribute alias definition
#map = affine_map<(d0)