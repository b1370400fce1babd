extension CalendarDate {
    /// Days since 1970-01-01 (negative before), by the proleptic Gregorian calendar, so two dates can
    /// be a number of days apart.
    var dayNumber: Int {
        // Howard Hinnant's days_from_civil: years start in March, so the leap day ends a year.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// How many days `self` is after `other` (negative when before).
    func days(since other: CalendarDate) -> Int { dayNumber - other.dayNumber }
}
