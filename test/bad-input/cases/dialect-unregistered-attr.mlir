// ARGS:
// ERROR-RE: 4:43: .* attribute created with unregistered dialect\. If this is intended, please call allowUnregisteredDialects\(\) on the MLIRContext, or use -allow-unregistered-dialect with the MLIR opt tool used
// unregistered dialect attribute without --allow-unregistered-dialect
func.func private @f() attributes {v = #x.a}
