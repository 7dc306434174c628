// ARGS: --allow-unregistered-dialect
// ERROR: 5:8: expected block name
// cf.br without a successor
func.func @f() {
  cf.br
}
