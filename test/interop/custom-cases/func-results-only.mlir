// Pins: a function with results and no arguments, a call result feeding a branch to another block.
func.func private @g() -> i1
func.func @f() -> (i1, i1) {
  %0 = call @g() : () -> i1
  cf.cond_br %0, ^bb1, ^bb2(%0 : i1)
^bb1:
  return %0, %0 : i1, i1
^bb2(%1: i1):
  return %1, %0 : i1, i1
}
