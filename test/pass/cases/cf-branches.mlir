// FLAGS: --canonicalize
// cf.br / cf.cond_br canonicalization: pass-through blocks, merging into a single predecessor,
// repeated conditions, truth propagation, identical successors, loops.
func.func @passthrough(%a: i32, %c: i1) {
  cf.cond_br %c, ^bb1(%a : i32), ^bb2
^bb1(%x: i32):
  cf.br ^bb3(%x : i32)
^bb2:
  cf.br ^bb3(%a : i32)
^bb3(%y: i32):
  "x.use"(%y) : (i32) -> ()
  "x.ret"() : () -> ()
}
func.func @chain(%a: i32) {
  "x.a"() : () -> ()
  cf.br ^bb1
^bb1:
  "x.b"() : () -> ()
  cf.br ^bb2(%a : i32)
^bb2(%p: i32):
  "x.use"(%p) : (i32) -> ()
  "x.ret"() : () -> ()
}
func.func @identical(%c: i1, %a: i32) {
  cf.cond_br %c, ^bb1(%a : i32), ^bb1(%a : i32)
^bb1(%x: i32):
  "x.use"(%x) : (i32) -> ()
  "x.ret"() : () -> ()
}
func.func @loop(%c: i1) {
  cf.br ^bb1
^bb1:
  "x.body"() : () -> ()
  cf.cond_br %c, ^bb1, ^bb2
^bb2:
  cf.br ^bb3
^bb3:
  "x.ret"() : () -> ()
}
func.func @self() {
  cf.br ^bb1
^bb1:
  cf.br ^bb1
}
