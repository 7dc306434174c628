// ARGS: --allow-unregistered-dialect
// ERROR: 4:16: expected ':'
// a named argument without its type
func.func @f(%a) {
  return
}
