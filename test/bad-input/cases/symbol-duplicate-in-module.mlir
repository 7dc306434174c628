// ARGS: --allow-unregistered-dialect
// ERROR: 6:3: redefinition of symbol named 'g'
// two declarations @g in an explicit module
module {
  func.func private @g()
  func.func private @g()
}
