// Pins: a module nested in a function prints `builtin.module`, with its own default dialect inside.
func.func @f() {
  builtin.module {
    func.func private @g()
  }
  return
}
