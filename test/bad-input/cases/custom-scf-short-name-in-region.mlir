// ARGS: --allow-unregistered-dialect
// ERROR: 7:5: Dialect `' not found for custom op 'call'  (tried '.call' as well)
// an unprefixed func op inside scf.if (no default dialect there)
func.func private @g()
func.func @f(%c: i1) {
  scf.if %c {
    call @g() : () -> ()
  }
  return
}
