// FLAGS: --canonicalize
// arith folds in MLIR's order: an identity returns the constant operand itself (c + 0), equal
// constants meet as one value after uniquing (ori(c, c) evaluates, andi(x, x) folds by trait),
// x - x and x ^ x give zero, and select of a cmpi eq/ne on its own operands picks one of them.
func.func @identity(%x: i32) -> (i32, i32, i32, i64) {
  %c5 = arith.constant 5 : i32 loc("c5")
  %c0 = arith.constant 0 : i32 loc("c0")
  %a = arith.addi %c5, %c0 : i32 loc("a")
  %c5b = arith.constant 5 : i64 loc("c5b")
  %c5c = arith.constant 5 : i64 loc("c5c")
  %o = arith.ori %c5b, %c5c : i64 loc("o")
  %n = arith.andi %x, %x : i32
  %m = arith.muli %x, %c0 : i32
  return %a, %n, %m, %o : i32, i32, i32, i64
}
func.func @same(%x: i32, %y: i32) -> (i32, i32, i32, i32) {
  %s = arith.subi %x, %x : i32
  %r = arith.xori %y, %y : i32
  %mx = arith.maxsi %x, %x : i32
  %mn = arith.minui %y, %y : i32
  return %s, %r, %mx, %mn : i32, i32, i32, i32
}
func.func @select(%a: i64, %b: i64) -> (i64, i64, i64) {
  %eq = arith.cmpi eq, %a, %b : i64
  %ne = arith.cmpi ne, %b, %a : i64
  %s1 = arith.select %eq, %a, %b : i64
  %s2 = arith.select %ne, %a, %b : i64
  %lt = arith.cmpi slt, %a, %b : i64
  %s3 = arith.select %lt, %a, %b : i64
  return %s1, %s2, %s3 : i64, i64, i64
}
