// ARGS: --allow-unregistered-dialect
// ERROR: 5:3: custom op 'frobnicate' is unknown (tried 'func.frobnicate' as well)
// an unprefixed unknown op inside func.func
func.func @f() {
  frobnicate
}
