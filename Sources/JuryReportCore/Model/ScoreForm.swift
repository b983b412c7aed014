/// What identifies a score form: the edition, the jury member, and a fingerprint of the
/// nominee and criterion lists and the scale. `collect` reads a form only when all three
/// match the edition it collects for.
public struct FormIdentity: Sendable, Equatable, CustomStringConvertible {
    /// `<award.slug>-<edition.year>`.
    public var edition: String
    /// The jury member's id.
    public var juror: String
    /// 16 hex digits: FNV-1a over the nominee ids, the criterion ids and the scale, in order.
    public var fingerprint: String

    public init(edition: String, juror: String, fingerprint: String) {
        self.edition = edition
        self.juror = juror
        self.fingerprint = fingerprint
    }

    /// The identity of `edition`'s form for the jury member at `juror`.
    public init(_ edition: Edition, juror: Int) {
        self.init(edition: edition.baseName, juror: edition.jury[juror].id, fingerprint: Self.fingerprint(of: edition))
    }

    /// The fingerprint of the lists a form is laid out from.
    public static func fingerprint(of edition: Edition) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        func add(_ text: String) {
            for byte in text.utf8 {
                hash ^= UInt64(byte)
                hash = hash &* 0x100_0000_01b3
            }
            hash ^= 0x0A
            hash = hash &* 0x100_0000_01b3
        }
        add("nominees")
        edition.nominees.forEach { add($0.id) }
        add("criteria")
        edition.criteria.forEach { add($0.id) }
        add("scale \(NumberText.shortest(edition.scale.min)) \(NumberText.shortest(edition.scale.max))")
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    public var description: String { "\(edition), juror '\(juror)', lists \(fingerprint)" }

    /// The names under which a form keeps its identity (custom document properties of a
    /// workbook), shared by the writer and the reader.
    public enum PropertyName {
        public static let edition = "juryreport.edition"
        public static let juror = "juryreport.juror"
        public static let fingerprint = "juryreport.fingerprint"
    }
}

/// The marks that let a form be read back whatever was done to its layout: a key row whose
/// first marked cell is ``ScoreFormKeys/corner``, with a criterion id above each score
/// column (``ScoreFormKeys/scoreColumn`` in an edition without criteria), and a nominee id
/// at the start of each nominee's row, in the corner's column. A reader finds the corner,
/// then every column and row by its id: rows or columns inserted, moved or deleted cannot
/// make it read a score for the wrong nominee or criterion.
public enum ScoreFormKeys {
    public static let corner = "juryreport:ids"
    public static let scoreColumn = "juryreport:score"
    /// Above the remarks column, after the score columns. A form without it (made before
    /// remarks came back) is read for its scores alone.
    public static let remarks = "juryreport:remarks"
}

/// One jury member's score form: one row per nominee in report order, one score column per
/// criterion (one column without criteria) and a remarks column, the nominees the member is
/// recused from marked, the scores and remarks the edition already has filled in.
public struct ScoreForm: Sendable {
    public let edition: Edition
    /// The jury member's index in ``Edition/jury``.
    public let juror: Int
    public let identity: FormIdentity
    private let grid: ScoreGrid
    private let recusals: RecusalIndex
    /// The member's remarks the edition already has, by nominee id.
    private let remarks: [String: String]
    /// The day the form is to be back with the organizer (`forms --return-by`), if one is set.
    public var returnBy: CalendarDate?

    public init(edition: Edition, juror: Int, grid: ScoreGrid? = nil, recusals: RecusalIndex? = nil) {
        self.edition = edition
        self.juror = juror
        self.identity = FormIdentity(edition, juror: juror)
        self.grid = grid ?? ScoreGrid(edition)
        self.recusals = recusals ?? RecusalIndex(edition)
        let id = edition.jury[juror].id
        remarks = Dictionary(
            edition.remarks.filter { $0.juror == id }.map { ($0.nominee, $0.text) }, uniquingKeysWith: { first, _ in first })
    }

    /// The jury member.
    public var member: JuryMember { edition.jury[juror] }

    /// How many score columns: the criteria, or one.
    public var columnCount: Int { max(edition.criteria.count, 1) }

    /// The key of score column `column`: its criterion's id, or ``ScoreFormKeys/scoreColumn``.
    public func columnKey(_ column: Int) -> String {
        edition.criteria.isEmpty ? ScoreFormKeys.scoreColumn : edition.criteria[column].id
    }

    /// The score the edition already has in that cell.
    public func score(nominee: Int, column: Int) -> Double? {
        grid.score(nominee: nominee, juror: juror, criterion: edition.criteria.isEmpty ? nil : column)
    }

    /// The remark the edition already has of the member on the nominee at `nominee`.
    public func remark(nominee: Int) -> String? { remarks[edition.nominees[nominee].id] }

    /// The recusal that keeps the member from the nominee, if any.
    public func recusal(nominee: Int) -> Recusal? {
        recusals.recusal(juror: juror, nominee: nominee).map { edition.recusals[$0] }
    }

    /// The file name's suffix: `.form.<juror id>` and the extension.
    public static func suffix(juror: String, extension: String) -> String { ".form.\(juror).\(`extension`)" }

    /// The forms of `edition` for the jury members `jurors` (ids; every member when nil), in
    /// jury order, sharing one score grid.
    public static func forms(of edition: Edition, jurors: Set<String>? = nil, returnBy: CalendarDate? = nil) -> [ScoreForm] {
        let grid = ScoreGrid(edition)
        let recusals = RecusalIndex(edition)
        return edition.jury.indices.filter { jurors?.contains(edition.jury[$0].id) ?? true }.map {
            var form = ScoreForm(edition: edition, juror: $0, grid: grid, recusals: recusals)
            form.returnBy = returnBy
            return form
        }
    }
}
