import Foundation
import JuryReportSource

/// What reading part of a list came to. Its values lie in the list's array, from the part's
/// first place on.
struct ListPart {
    let reader: EditionReader
    /// How many items were read and kept.
    var kept = 0
    /// The index in the file of each item kept, once one was left out; before that, none
    /// (every item so far was kept).
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

    /// Closes the gaps failed items left at the ends of the parts (`parts[i]` read
    /// `ranges[i]`, its values from `base + ranges[i].lowerBound` on), passes what the parts'
    /// readers found on to `reader`, and gives the number of values kept, now all at the start.
    /// `indexes` gets the index in the file of every value kept when some item was left out.
    static func joined<T>(
        _ parts: [ListPart], of ranges: [Range<Int>], at base: UnsafeMutablePointer<T>, into reader: EditionReader, indexes: inout [Int]
    ) -> Int {
        let complete = zip(parts, ranges).allSatisfy { $0.kept == $1.count }
        var end = 0
        for (part, range) in zip(parts, ranges) {
            if end != range.lowerBound, part.kept > 0 {
                // The regions may overlap; moving down is safe.
                (base + end).moveInitialize(from: base + range.lowerBound, count: part.kept)
            }
            end += part.kept
            if !complete { indexes += part.kept == range.count ? Array(range) : part.indexes }
            if part.reader !== reader { reader.absorb(part.reader) }
        }
        return end
    }
}

