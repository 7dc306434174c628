// ARGS: --allow-unregistered-dialect
// ERROR: 4:27: custom op 'func.func' expected type instead of SSA identifier
// an unnamed argument followed by a named one
func.func private @f(i32, %a: i32)
