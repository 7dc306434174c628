// ARGS: --allow-unregistered-dialect
// ERROR: 4:25: invalid element type for complex
// complex of a memref
"x.a"() : () -> complex<memref<1xf32>>
