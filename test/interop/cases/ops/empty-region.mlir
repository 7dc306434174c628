// Pins: an empty region prints as ({ }) on two lines.
"x.r"() ({}) : () -> ()
