// Pins: scalable vector dimensions written in brackets.
"x.a"() : () -> (vector<[4]xf32>, vector<2x[4]xi8>, vector<[2]x[8]xf16>)
