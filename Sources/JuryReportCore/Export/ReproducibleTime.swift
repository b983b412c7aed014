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

    /// `seconds` as a UTC date and time of day.
    public static func components(_ seconds: Int64) -> (date: CalendarDate, hour: Int, minute: Int, second: Int) {
        let days = seconds >= 0 ? seconds / 86_400 : -((-seconds + 86_399) / 86_400)
        let inDay = Int(seconds - days * 86_400)
        // Civil from days, after Howard Hinnant's algorithm.
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return (CalendarDate(year: Int(year), month: Int(month), day: Int(day)), inDay / 3600, inDay / 60 % 60, inDay % 60)
    }
}
