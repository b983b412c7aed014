/// The time that stands for every timestamp in an export, so that the same edition gives
/// the same bytes: `SOURCE_DATE_EPOCH` where set, else the edition's date, else 1 January of
/// its year, at midnight UTC.
public enum ReproducibleTime {
    public static func seconds(for edition: Edition, environment: [String: String]) -> Int64 {
        if let text = environment["SOURCE_DATE_EPOCH"], let seconds = Int64(text), seconds >= 0 {
            return seconds
        }
        let date = edition.details.date ?? CalendarDate(year: edition.details.year, month: 1, day: 1)
        return date.secondsSinceEpoch
    }
}
