import Foundation
import JuryReport

#if canImport(Glibc)
    import Glibc
#endif

/// What is fuzzed: `JURYREPORT_FUZZ_TARGET=form` the form reader (and the collector, against
/// the judging fixture), else edition files.
enum FuzzTarget {
    static let isForm = ProcessInfo.processInfo.environment["JURYREPORT_FUZZ_TARGET"] == "form"
    static let edition: Edition? = isForm ? try? EditionLoader().load(.file(path: "Fixtures/editions/judging.yaml")) : nil

    static func check(_ bytes: [UInt8]) -> String? {
        isForm ? FuzzedForm.check(bytes, edition: edition) : FuzzedEdition.check(bytes)
    }
}

/// One fuzz input: a crash is what libFuzzer records, with the input that caused it.
///
/// libFuzzer calls this by name when its own `main` runs — in a debug build, where SwiftPM
/// renames this module's main to `EditionFuzzer_main` so the archive's main is linked.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = size == 0 || data == nil ? [] : Array(UnsafeBufferPointer(start: data, count: size))
    if let problem = FuzzTarget.check(bytes) {
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
