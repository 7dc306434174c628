// Pins: dynamic dimensions written as ?.
"x.a"() : () -> (tensor<?xf32>, tensor<?x4x?xi8>)
