// ARGS: --allow-unregistered-dialect
// ERROR: 5:23: custom op 'scf.while' expected as many input types as operands (expected 1 got 0)
// scf.while with fewer input types than inits
func.func @f(%a: i32, %c: i1) {
  scf.while (%x = %a) : () -> () {
    scf.condition(%c)
  } do {
    scf.yield
  }
  return
}
