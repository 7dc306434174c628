// ARGS: --allow-unregistered-dialect
// ERROR: 4:11: custom op 'func.func' expected valid '@'-identifier for symbol name
// func.func without a symbol name
func.func (i32)
