// ARGS: --allow-unregistered-dialect
// ERROR: 4:35: multiple memory spaces specified in memref type
// memref with a third parameter
"x.a"() : () -> memref<4xf32, 1, 2>
