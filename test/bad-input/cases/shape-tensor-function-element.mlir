// ARGS: --allow-unregistered-dialect
// ERROR: 4:24: invalid tensor element type
// tensor of a function type
"x.a"() : () -> tensor<(i32) -> i32>
