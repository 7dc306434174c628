// ARGS:
// ERROR-RE: 4:42: .* type created with unregistered dialect\. If this is intended, please call allowUnregisteredDialects\(\) on the MLIRContext, or use -allow-unregistered-dialect with the MLIR opt tool used
// unregistered dialect type without --allow-unregistered-dialect
"func.func"() <{function_type = () -> !x.t, sym_name = "f", sym_visibility = "private"}> ({
}) : () -> ()
