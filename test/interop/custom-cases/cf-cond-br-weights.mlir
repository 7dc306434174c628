// Pins: cf.cond_br's optional `weights([..])` group prints a dense array without `array<i32: >`.
func.func @f(%c: i1, %a: i32) {
  cf.cond_br %c weights([1, 2]), ^bb1, ^bb2(%a : i32)
^bb1:
  return
^bb2(%x: i32):
  return
}
