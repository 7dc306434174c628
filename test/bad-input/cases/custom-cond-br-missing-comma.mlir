// ARGS: --allow-unregistered-dialect
// ERROR: 5:16: expected ','
// cf.cond_br without the comma after its condition
func.func @f(%c: i1) {
  cf.cond_br %c ^bb1, ^bb1
^bb1:
  return
}
