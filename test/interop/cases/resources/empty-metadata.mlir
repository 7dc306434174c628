// Pins: an empty file metadata block.
"x.a"() : () -> ()
{-#
#-}
