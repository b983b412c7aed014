import Foundation
import JuryReportSource

/// What reading part of a list came to.
struct ListPart<T> {
    let reader: EditionReader
    var values: [T] = []
    /// The index in the file of each value kept.
    var indexes: [Int] = []
}

/// How a long list is split to be read at once.
enum ListParts {
    /// Lists shorter than twice this are read in one part: starting threads would cost more.
    static var minimumPartLength: Int { 4096 }

    /// The ranges of a list of `items` to read at once: one for a short list.
    static func ranges(items: Int) -> [Range<Int>] {
        // Asking for the number of cores reads files: only a long list is worth it.
        let longEnough = items / minimumPartLength
        let count = longEnough < 2 ? 1 : min(ProcessInfo.processInfo.activeProcessorCount, longEnough)
        return (0..<count).map { part in (items * part / count)..<(items * (part + 1) / count) }
    }

    /// The parts joined in order, what their readers found passed on to `reader`.
    /// Each part is let go once joined, so a long list is held about once, not twice.
    static func merged<T>(_ parts: consuming [ListPart<T>], into reader: EditionReader) -> ListPart<T> {
        var merged = ListPart<T>(reader: reader)
        merged.values.reserveCapacity(parts.reduce(0) { $0 + $1.values.count })
        merged.indexes.reserveCapacity(parts.reduce(0) { $0 + $1.indexes.count })
        for index in parts.indices {
            merged.values += parts[index].values
            merged.indexes += parts[index].indexes
            parts[index].values = []
            parts[index].indexes = []
            reader.absorb(parts[index].reader)
        }
        return merged
    }
}

