// FLAGS: --canonicalize
// addi/subi/muli constant reassociation: folded constants, overflow flags kept only where MLIR keeps
// them, fused locations of the root and the first matched constant.
func.func @sub(%x: i32, %y: i64) -> (i32, i32, i32, i32, i32, i32, i32, i32, i64, i32) {
  %c3 = arith.constant 3 : i32 loc("c3")
  %c10 = arith.constant 10 : i32 loc("c10")
  %a = arith.addi %x, %c3 overflow<nsw> : i32 loc("a")
  %r1 = arith.subi %a, %c10 overflow<nsw> : i32 loc("r1")
  %r2 = arith.subi %c10, %a : i32 loc("r2")
  %s = arith.subi %x, %c3 overflow<nuw> : i32 loc("s")
  %r3 = arith.subi %s, %c10 overflow<nuw> : i32 loc("r3")
  %t = arith.subi %c3, %x : i32 loc("t")
  %r4 = arith.subi %t, %c10 : i32 loc("r4")
  %r5 = arith.subi %c10, %s : i32 loc("r5")
  %r6 = arith.subi %c10, %t : i32 loc("r6")
  %r7 = arith.addi %t, %c10 : i32 loc("r7")
  %r8 = arith.addi %s, %c10 : i32 loc("r8")
  %cbig = arith.constant 9223372036854775807 : i64
  %cone = arith.constant 1 : i64
  %b = arith.addi %y, %cbig : i64
  %r9 = arith.addi %b, %cone : i64
  %c2 = arith.constant 2 : i32
  %m = arith.muli %x, %c2 : i32
  %r10 = arith.muli %c3, %m : i32
  return %r1, %r2, %r3, %r4, %r5, %r6, %r7, %r8, %r9, %r10 : i32, i32, i32, i32, i32, i32, i32, i32, i64, i32
}
func.func @flags(%x: i32) -> (i32, i32, i32, i32, i32, i32, i32, i32, i32, i32) {
  %c3 = arith.constant 3 : i32
  %c10 = arith.constant 10 : i32
  %a = arith.addi %x, %c3 overflow<nsw, nuw> : i32
  %s = arith.subi %x, %c3 overflow<nsw, nuw> : i32
  %t = arith.subi %c3, %x overflow<nsw, nuw> : i32
  %m = arith.muli %x, %c3 overflow<nsw, nuw> : i32
  %r0 = arith.addi %a, %c10 overflow<nsw, nuw> : i32
  %r1 = arith.subi %a, %c10 overflow<nsw, nuw> : i32
  %r2 = arith.subi %c10, %a overflow<nsw, nuw> : i32
  %r3 = arith.subi %s, %c10 overflow<nsw, nuw> : i32
  %r4 = arith.subi %t, %c10 overflow<nsw, nuw> : i32
  %r5 = arith.subi %c10, %s overflow<nsw, nuw> : i32
  %r6 = arith.subi %c10, %t overflow<nsw, nuw> : i32
  %r7 = arith.addi %t, %c10 overflow<nsw, nuw> : i32
  %r8 = arith.addi %s, %c10 overflow<nsw, nuw> : i32
  %r9 = arith.muli %m, %c10 overflow<nsw, nuw> : i32
  return %r0, %r1, %r2, %r3, %r4, %r5, %r6, %r7, %r8, %r9 : i32, i32, i32, i32, i32, i32, i32, i32, i32, i32
}
func.func @f_p2(%a: i32) -> (i32, i32, i32) {
  %c1 = arith.constant 1 : i32 loc("c1")
  %c2 = arith.constant 2 : i32 loc("c2")
  %x = arith.addi %a, %c1 : i32 loc("x")
  %y = arith.addi %x, %c2 : i32 loc("y")
  %c5 = arith.constant 5 : i32 loc("c5")
  %c7 = arith.constant 7 : i32 loc("c7")
  %s = arith.subi %a, %c5 : i32 loc("s")
  %t = arith.subi %s, %c7 : i32 loc("t")
  %u = arith.muli %a, %c5 : i32 loc("u")
  %v = arith.muli %u, %c7 : i32 loc("v")
  return %y, %t, %v : i32, i32, i32
}
func.func @f_p1(%a: i32) -> (i32) {
  %c1 = arith.constant 1 : i32 loc("c1")
  %c2 = arith.constant 2 : i32 loc("c2")
  %x = arith.addi %a, %c1 overflow<nsw, nuw> : i32 loc("x")
  %y = arith.addi %x, %c2 overflow<nsw> : i32 loc("y")
  %m = arith.muli %y, %y : i32 loc("m")
  return %m : i32
}
func.func @subsub(%a: i32, %b: i32) -> i32 {
  %s = arith.subi %a, %b overflow<nsw, nuw> : i32 loc("s")
  %r = arith.subi %s, %a overflow<nsw, nuw> : i32 loc("r")
  return %r : i32
}
