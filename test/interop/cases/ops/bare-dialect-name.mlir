// Pins: an op name with several dots.
"x.y.z.w"() : () -> ()
