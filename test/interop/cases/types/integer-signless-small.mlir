// Pins: signless integers of small and odd widths, including i1.
"x.a"() : () -> (i1, i2, i3, i7, i8)
