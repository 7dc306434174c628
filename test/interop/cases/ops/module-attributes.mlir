// Pins: module attributes {...}.
module attributes {x.flag, x.n = 3 : i32} {
  "x.a"() : () -> ()
}
