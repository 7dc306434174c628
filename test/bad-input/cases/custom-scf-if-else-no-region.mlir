// ARGS: --allow-unregistered-dialect
// ERROR: 6:9: expected '{' to begin a region
// scf.if else without its region
func.func @f(%c: i1) {
  scf.if %c {
  } else
  return
}
