// ARGS: --allow-unregistered-dialect
// ERROR: 4:31: custom op 'func.func' expected SSA identifier
// named and unnamed arguments mixed
func.func private @f(%a: i32, i32)
