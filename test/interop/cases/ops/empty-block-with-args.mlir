// Pins: a region holding one empty block with arguments.
"x.r"() ({
^bb0(%a: i32):
}) : () -> ()
