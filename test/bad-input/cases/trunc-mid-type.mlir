// ARGS: --allow-unregistered-dialect
// ERROR: 4:25: expected non-function type
// file ends inside a tensor type
"x.a"() : () -> tensor<4x