// ARGS: --allow-unregistered-dialect
// ERROR: 5:9: reference to an undefined block
// branch to a block that does not exist
func.func @f() {
  cf.br ^bb9
}
