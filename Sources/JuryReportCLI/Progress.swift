/// Progress lines on stderr, shown only when it is a terminal: build jobs stay quiet.
struct Progress {
    let enabled: Bool

    func report(_ line: String) {
        if enabled { Console.error(line) }
    }
}
