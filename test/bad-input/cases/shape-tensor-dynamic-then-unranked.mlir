// ARGS: --allow-unregistered-dialect
// ERROR: 4:26: expected non-function type
// tensor<?x*xf32>: '*' only as the whole shape
"x.a"() : () -> tensor<?x*xf32>
