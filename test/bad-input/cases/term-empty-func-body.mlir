// ARGS: --allow-unregistered-dialect
// ERROR: 4:16: custom op 'func.func' expected non-empty function body
// custom func.func with an empty body
func.func @f() {
}
