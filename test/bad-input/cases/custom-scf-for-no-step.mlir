// ARGS: --allow-unregistered-dialect
// ERROR: 5:25: custom op 'scf.for' expected 'step'
// scf.for without its step
func.func @f(%n: index) {
  scf.for %i = %n to %n {
  }
  return
}
