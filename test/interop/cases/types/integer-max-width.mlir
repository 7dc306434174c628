// Pins: the largest legal integer width (2^24 - 1).
"x.a"() {t = i16777215} : () -> ()
