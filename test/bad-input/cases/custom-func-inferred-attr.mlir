// ARGS: --allow-unregistered-dialect
// ERROR: 4:24: custom op 'func.func' 'sym_name' is an inferred attribute and should not be specified in the explicit attribute dictionary
// sym_name given again in attributes {...}
func.func private @f() attributes {sym_name = "g"}
