// FLAGS: --canonicalize=region-simplify=aggressive
// Identical blocks merged (differing outside operands become one shared argument), block
// arguments fed one value dropped, and the cases that must not merge.
func.func @f(%a: i32, %b: i32, %c: i1, %d: i1) {
  cf.cond_br %c, ^bb1, ^bb3
^bb1:
  %x = "x.op"(%a) {k = 1} : (i32) -> i32
  "x.use"(%x, %a) : (i32, i32) -> ()
  "x.ret"() : () -> ()
^bb3:
  cf.cond_br %d, ^bb2, ^bb4
^bb2:
  %y = "x.op"(%b) {k = 1} : (i32) -> i32 loc("other")
  "x.use"(%y, %b) : (i32, i32) -> ()
  "x.ret"() : () -> ()
^bb4:
  "x.ret"() : () -> ()
}
func.func @g(%a: i32, %c: i1) {
  "x.switch"(%c)[^bb1, ^bb2, ^bb3] : (i1) -> ()
^bb1:
  "x.use"(%a) : (i32) -> ()
  "x.ret"() : () -> ()
^bb2:
  "x.use"(%a) : (i32) -> ()
  "x.ret"() : () -> ()
^bb3:
  "x.use"(%c) : (i1) -> ()
  "x.ret"() : () -> ()
}
func.func @h(%a: i32, %b: i32, %c: i1) {
  cf.cond_br %c, ^bb1(%a : i32), ^bb2(%a : i32)
^bb1(%p: i32):
  "x.use"(%p) : (i32) -> ()
  cf.br ^bb3(%p, %b : i32, i32)
^bb2(%q: i32):
  "x.use2"(%q) : (i32) -> ()
  cf.br ^bb3(%q, %b : i32, i32)
^bb3(%r: i32, %s: i32):
  "x.use"(%r, %s) : (i32, i32) -> ()
  "x.ret"() : () -> ()
}
// internal operands in a different order: no merge
func.func @order(%a: i32, %c: i1) {
  cf.cond_br %c, ^bb1, ^bb2
^bb1:
  %x = "x.op"() : () -> i32
  %y = "x.op"() : () -> i32
  "x.use"(%x, %y) : (i32, i32) -> ()
  "x.ret"() : () -> ()
^bb2:
  %p = "x.op"() : () -> i32
  %q = "x.op"() : () -> i32
  "x.use"(%q, %p) : (i32, i32) -> ()
  "x.ret"() : () -> ()
}
// a result used in another block: no merge
func.func @escape(%a: i32, %c: i1, %d: i1) {
  cf.cond_br %c, ^bb1, ^bb2
^bb1:
  %x = "x.op"(%a) : (i32) -> i32
  cf.cond_br %d, ^bb3, ^bb4
^bb2:
  %y = "x.op"(%a) : (i32) -> i32
  cf.cond_br %d, ^bb3, ^bb4
^bb3:
  "x.ret"() : () -> ()
^bb4:
  "x.ret"() : () -> ()
}
// blocks inside an unregistered op's region; a block with a region is never merged
func.func @nested(%a: i32, %b: i32, %c: i1) {
  "x.region"() ({
    cf.cond_br %c, ^bb1, ^bb2
  ^bb1:
    "x.use"(%a) : (i32) -> ()
    "x.ret"() : () -> ()
  ^bb2:
    "x.use"(%b) : (i32) -> ()
    "x.ret"() : () -> ()
  }) : () -> ()
  cf.cond_br %c, ^bb1, ^bb2
^bb1:
  "x.wrap"() ({ "x.inner"() : () -> () }) : () -> ()
  "x.ret"() : () -> ()
^bb2:
  "x.wrap"() ({ "x.inner"() : () -> () }) : () -> ()
  "x.ret"() : () -> ()
}
// a constant forwarded by both predecessors is redundant; a loop-carried argument is not
func.func @args(%a: i32, %c: i1) {
  cf.br ^bb1(%a, %a : i32, i32)
^bb1(%p: i32, %q: i32):
  %n = "x.next"(%q) : (i32) -> i32
  "x.use"(%p) : (i32) -> ()
  cf.cond_br %c, ^bb1(%a, %n : i32, i32), ^bb2
^bb2:
  "x.ret"() : () -> ()
}
