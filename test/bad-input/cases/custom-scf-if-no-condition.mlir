// ARGS: --allow-unregistered-dialect
// ERROR: 5:9: expected SSA operand
// scf.if without its condition operand
func.func @f() {
  scf.if {
  }
  return
}
