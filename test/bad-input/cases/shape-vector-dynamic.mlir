// ARGS: --allow-unregistered-dialect
// ERROR: 4:24: expected non-function type
// vectors have no dynamic dimensions
"x.a"() : () -> vector<?xf32>
