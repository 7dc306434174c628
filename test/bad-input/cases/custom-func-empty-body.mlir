// ARGS: --allow-unregistered-dialect
// ERROR: 4:16: custom op 'func.func' expected non-empty function body
// a func.func body written as {}
func.func @f() {}
