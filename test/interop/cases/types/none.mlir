// Pins: the none type as a result and as a type attribute.
"x.a"() {t = none} : () -> none
