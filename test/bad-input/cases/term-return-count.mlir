// ARGS: --allow-unregistered-dialect
// ERROR: 5:3: 'func.return' op has 0 operands, but enclosing function (@f) returns 1
// func.return with fewer values than the function returns
func.func @f() -> i32 {
  return
}
