#if canImport(Glibc)
    import Glibc
#endif

// libFuzzer's entry, reached from this module's main (SwiftPM names it EditionFuzzer_main).
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<Int32>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
) -> Int32

var argc = CommandLine.argc
var argv = CommandLine.unsafeArgv
let status = LLVMFuzzerRunDriver(&argc, &argv) { data, size in
    let bytes = size == 0 ? [] : Array(UnsafeBufferPointer(start: data, count: size))
    if let problem = FuzzedEdition.check(bytes) {
        // A crash is what libFuzzer records, with the input that caused it.
        fatalError(problem)
    }
    return 0
}
exit(status)
