/// A buffered byte writer handed to exporters: text goes in as UTF-8 and leaves in chunks,
/// so a large file is never held whole in memory.
public final class TextOutput {
    private var buffer: [UInt8] = []
    private let chunkSize: Int
    private let drain: ([UInt8]) throws -> Void

    /// `drain` receives the bytes in order, in chunks of about `chunkSize`.
    public init(chunkSize: Int = 1 << 16, drain: @escaping ([UInt8]) throws -> Void) {
        self.chunkSize = chunkSize
        self.drain = drain
        buffer.reserveCapacity(chunkSize)
    }

    public func write(_ text: String) throws {
        var text = text
        text.withUTF8 { buffer.append(contentsOf: $0) }
        if buffer.count >= chunkSize { try flush() }
    }

    public func write(bytes: some Sequence<UInt8>) throws {
        buffer.append(contentsOf: bytes)
        if buffer.count >= chunkSize { try flush() }
    }

    /// Passes on what is buffered.
    public func flush() throws {
        guard !buffer.isEmpty else { return }
        try drain(buffer)
        buffer.removeAll(keepingCapacity: true)
    }
}
