// Pins: a reused distinct id is one attribute; ids are renumbered in order.
"x.a"() {a = distinct[7]<"s">, b = distinct[3]<[1, 2]>, c = distinct[7]<"s">} : () -> ()
