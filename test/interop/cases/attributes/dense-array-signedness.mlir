// Pins: dense arrays print unsigned, signed and odd-width elements (one-byte to four-byte storage) like mlir-opt.
"x.a"() {a = array<ui8: 255, 0, 128>, b = array<si16: -5, 32767, -32768>, c = array<ui32: 4294967295, 7>, d = array<si32: -2147483648, 5>, e = array<i24: -8388608, 8388607>, f = array<ui16: 65535>, g = array<f16: 1.5, -2.0>, h = array<bf16: 3.0>} : () -> ()
