// Pins: attribute memory spaces (registered dialect attribute, dictionary).
"x.a"() : () -> (memref<4xf32, #gpu.address_space<workgroup>>, memref<4xf32, {kind = "shared"}>)
