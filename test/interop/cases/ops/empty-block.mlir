// Pins: a region holding one empty block without arguments.
"x.r"() ({
^bb0:
}) : () -> ()
