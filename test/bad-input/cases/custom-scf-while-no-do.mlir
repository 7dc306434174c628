// ARGS: --allow-unregistered-dialect
// ERROR: 7:5: custom op 'scf.while' expected 'do'
// scf.while without do between its regions
func.func @f(%c: i1) {
  scf.while : () -> () {
    scf.condition(%c)
  } {
    scf.yield
  }
  return
}
