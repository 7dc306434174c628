// Pins: signless integers of odd widths above a byte.
"x.a"() : () -> (i17, i31, i33, i63, i65)
