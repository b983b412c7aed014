#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Hands pages of a buffer that will not be read again back to the system while the buffer
/// itself stays allocated: what a large edition's loading no longer needs (the bytes of the
/// file behind the parser, the items of a list already read into the model) stops counting
/// against the peak before the whole buffer is freed.
package enum MemoryPages {
    /// Lets go of the pages wholly inside `bytes`; they read as zeros from then on. Only whole
    /// pages: the parts of pages at either end stay as they are. The caller owns the memory,
    /// private and writable (an array's storage), and reads nothing in it again; when it is
    /// freed, the allocator finds zeros there, which it never relies on.
    package static func discard(_ bytes: UnsafeRawBufferPointer) {
        #if os(Linux)
            guard let base = bytes.baseAddress else { return }
            let page = Int(sysconf(Int32(_SC_PAGESIZE)))
            let start = (Int(bitPattern: base) + page - 1) / page * page
            let end = (Int(bitPattern: base) + bytes.count) / page * page
            guard end > start, let address = UnsafeMutableRawPointer(bitPattern: start) else { return }
            _ = madvise(address, end - start, MADV_DONTNEED)
        #endif
    }
}
