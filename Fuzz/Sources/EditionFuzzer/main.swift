#if canImport(Glibc)
    import Glibc
#endif

/// One fuzz input: a crash is what libFuzzer records, with the input that caused it.
///
/// libFuzzer calls this by name when its own `main` runs — in a debug build, where SwiftPM
/// renames this module's main to `EditionFuzzer_main` so the archive's main is linked.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = size == 0 || data == nil ? [] : Array(UnsafeBufferPointer(start: data, count: size))
    if let problem = FuzzedEdition.check(bytes) {
        fatalError(problem)
    }
    return 0
}

// In a release build this main is the program's, and hands libFuzzer the same callback.
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<Int32>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
) -> Int32

var argc = CommandLine.argc
var argv = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&argc, &argv, fuzzOneInput))
