// Pins: cf.br and cf.cond_br formats, successor operand lists, block numbering and pred comments.
func.func @f(%a: i32, %c: i1) -> i32 {
  cf.cond_br %c, ^bb1(%a : i32), ^bb2
^bb1(%x: i32):
  cf.br ^bb3(%x, %a : i32, i32)
^bb2:
  cf.br ^bb3(%a, %a : i32, i32)
^bb3(%y: i32, %z: i32):
  return %y : i32
}
