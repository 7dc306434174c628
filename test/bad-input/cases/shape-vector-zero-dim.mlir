// ARGS: --allow-unregistered-dialect
// ERROR: 4:17: vector types must have positive constant sizes but got 0
// vector dimensions must be positive
"x.a"() : () -> vector<0xf32>
