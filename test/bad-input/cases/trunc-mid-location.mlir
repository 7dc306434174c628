// ARGS: --allow-unregistered-dialect
// ERROR: 4:34: expected integer column number in FileLineColRange
// file ends inside a location
"x.a"() : () -> () loc("f.mlir":1: