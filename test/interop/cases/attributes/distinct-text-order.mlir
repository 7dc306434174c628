// Pins: with local scope, distinct ids count up in text order: an op's trailing
// attributes come after its regions, and a distinct before the ones it contains.
"x.a"() ({
  "x.b"() {d = distinct[5]<42 : i32>} : () -> ()
}) {d = distinct[7]<43 : i32>} : () -> ()
"x.c"() {d = distinct[11]<[distinct[3]<1 : i32>, distinct[4]<2 : i32>]>, e = distinct[9]<3 : i32>} : () -> ()
