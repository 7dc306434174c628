// ARGS:
// ERROR: 4:6: operation being parsed with an unregistered dialect. If this is intended, please use -allow-unregistered-dialect with the MLIR tool used
// unregistered dialect op without --allow-unregistered-dialect
"x.a"() : () -> ()
