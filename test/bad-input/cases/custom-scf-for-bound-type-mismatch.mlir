// ARGS: --allow-unregistered-dialect
// ERROR: 5:16: use of value '%n' expects different type than prior uses: 'index' vs 'i32'
// scf.for with i32 bounds but no : i32
func.func @f(%n: i32) {
  scf.for %i = %n to %n step %n {
  }
  return
}
