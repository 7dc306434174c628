// ARGS: --allow-unregistered-dialect
// ERROR: 5:31: expected ')'
// cf.cond_br weights without the closing paren
func.func @f(%c: i1) {
  cf.cond_br %c weights([1, 2], ^bb1, ^bb1
^bb1:
  return
}
