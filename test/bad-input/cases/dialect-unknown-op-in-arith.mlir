// ARGS: --allow-unregistered-dialect
// ERROR: 4:1: unregistered operation 'arith.frobnicate' found in dialect ('arith') that does not allow unknown operations
// arith does not allow unknown operations, even with the flag
"arith.frobnicate"() : () -> ()
