// ARGS: --allow-unregistered-dialect
// ERROR: 4:1: empty operation name is invalid
// "" as an op name
""() : () -> ()
