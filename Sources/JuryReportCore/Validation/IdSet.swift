/// The distinct ids of a list, held as their places in it: four bytes an id in an
/// open-addressed table, not a copy of each string in a hashed set. For a million nominees
/// that is 8 MiB instead of 32, made while the whole model is held.
struct IdSet {
    /// The id at a place of the list.
    private let id: (Int) -> String
    /// A place plus one in each used slot; 0 in an empty one.
    private var slots: [UInt32]
    private let mask: Int

    /// Room for the ids of a list of `count` items, `id` giving the one at a place.
    init(count: Int, id: @escaping (Int) -> String) {
        var capacity = 16
        while capacity < count * 2 { capacity <<= 1 }
        slots = Array(repeating: 0, count: capacity)
        mask = capacity - 1
        self.id = id
    }

    /// Adds the id at `place`, unless an equal one was added before: then nothing is added
    /// and its place is given.
    mutating func insert(place: Int) -> Int? {
        let value = id(place)
        var slot = value.hashValue & mask
        while slots[slot] != 0 {
            let other = Int(slots[slot]) - 1
            if id(other) == value { return other }
            slot = (slot + 1) & mask
        }
        slots[slot] = UInt32(place + 1)
        return nil
    }

    func contains(_ value: String) -> Bool {
        var slot = value.hashValue & mask
        while slots[slot] != 0 {
            if id(Int(slots[slot]) - 1) == value { return true }
            slot = (slot + 1) & mask
        }
        return false
    }

    /// Every id added, in no order: for messages.
    var all: [String] {
        slots.lazy.filter { $0 != 0 }.map { id(Int($0) - 1) }
    }
}
