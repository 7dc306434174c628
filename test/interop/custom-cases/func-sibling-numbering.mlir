// Pins: value numbers restart per function (sibling isolated regions) in custom form.
func.func @a(%x: i32) -> i32 {
  %0 = "x.a"(%x) : (i32) -> i32
  return %0 : i32
}
func.func @b(%x: i32, %y: i32) -> i32 {
  %0 = "x.b"(%x, %y) : (i32, i32) -> i32
  %1 = "x.b"(%0, %y) : (i32, i32) -> i32
  return %1 : i32
}
