// ARGS: --allow-unregistered-dialect
// ERROR: 7:1: redefinition of symbol named 'f'
// two func.func @f in the implicit module
func.func @f() {
  return
}
func.func @f() {
  return
}
