// ARGS: --allow-unregistered-dialect
// ERROR: 5:3: custom op 'module' is unknown (tried 'func.module' as well)
// an unprefixed module inside func.func (its default dialect is func)
func.func @f() {
  module {
  }
  return
}
