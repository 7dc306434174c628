// ARGS: --allow-unregistered-dialect
// ERROR: 4:1: unregistered operation 'func.frobnicate' found in dialect ('func') that does not allow unknown operations
// func does not allow unknown operations, even with the flag
"func.frobnicate"() : () -> ()
