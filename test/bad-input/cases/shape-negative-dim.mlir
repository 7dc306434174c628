// ARGS: --allow-unregistered-dialect
// ERROR: 4:24: expected non-function type
// negative tensor dimension
"x.a"() : () -> tensor<-1xf32>
