// ARGS:
// ERROR-RE: 5:12: .* attribute created with unregistered dialect\. If this is intended, please call allowUnregisteredDialects\(\) on the MLIRContext, or use -allow-unregistered-dialect with the MLIR opt tool used
// unregistered dialect attribute without --allow-unregistered-dialect
"func.func"() <{function_type = () -> (), sym_name = "f", sym_visibility = "private"}> ({
}) {v = #x.a} : () -> ()
