// Pins: fixed-shape vectors of one and several dimensions.
"x.a"() : () -> (vector<4xf32>, vector<4x8xi8>, vector<2x3x4xindex>)
