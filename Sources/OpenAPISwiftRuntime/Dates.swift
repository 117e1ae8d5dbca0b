import Foundation

// MARK: - CalendarDate

/// A calendar date without time or time zone (`format: date`), coded as `YYYY-MM-DD`.
public struct CalendarDate: Codable, Hashable, Comparable, Sendable, LosslessStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// Nil unless the date exists (leap years included).
    public init?(year: Int, month: Int, day: Int) {
        guard year >= 1, year <= 9999, month >= 1, month <= 12, day >= 1,
              day <= CivilTime.daysIn(month: month, year: year) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY-MM-DD`.
    public init?(_ description: String) {
        guard description.utf8.count == 10, description.utf8.allSatisfy({ (byte: UInt8) -> Bool in byte < 0x80 })
        else { return nil }
        let parts: [Substring] = description.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].utf8.count == 4, parts[1].utf8.count == 2, parts[2].utf8.count == 2,
              let year: Int = Int(parts[0]), let month: Int = Int(parts[1]), let day: Int = Int(parts[2])
        else { return nil }
        self.init(year: year, month: month, day: day)
    }

    /// The date's start in `timeZone`.
    public func date(in timeZone: TimeZone = TimeZone(identifier: "UTC") ?? .current) -> Date {
        let utc: Date = CivilTime.date(year: year, month: month, day: day, hour: 0, minute: 0, second: 0) ?? Date()
        let offset: Int = timeZone.secondsFromGMT(for: utc)
        return utc.addingTimeInterval(-Double(offset))
    }

    public var description: String {
        CivilTime.digits(year, 4) + "-" + CivilTime.digits(month, 2) + "-" + CivilTime.digits(day, 2)
    }

    public init(from decoder: any Decoder) throws {
        let container: any SingleValueDecodingContainer = try decoder.singleValueContainer()
        let text: String = try container.decode(String.self)
        guard let date: CalendarDate = CalendarDate(text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "Expected a date as YYYY-MM-DD.")
        }
        self = date
    }

    public func encode(to encoder: any Encoder) throws {
        var container: any SingleValueEncodingContainer = encoder.singleValueContainer()
        try container.encode(description)
    }

    public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
        if lhs.year != rhs.year { return lhs.year < rhs.year }
        if lhs.month != rhs.month { return lhs.month < rhs.month }
        return lhs.day < rhs.day
    }
}

// MARK: - Coders and dates

/// The JSON coders of generated code: RFC 3339 dates (fractional seconds written only when present; read with or
/// without them, with `Z`, an offset, or no zone meaning UTC; a number reads as seconds since 1970).
public enum JSONCoding {
    public static func makeEncoder() -> JSONEncoder {
        let encoder: JSONEncoder = JSONEncoder()
        encoder.dateEncodingStrategy = .custom { (date: Date, encoder: any Encoder) throws -> Void in
            try encodeDate(date, encoder)
        }
        return encoder
    }

    public static func makeDecoder() -> JSONDecoder {
        let decoder: JSONDecoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { (decoder: any Decoder) throws -> Date in try decodeDate(decoder) }
        return decoder
    }

    private static func encodeDate(_ date: Date, _ encoder: any Encoder) throws {
        var container: any SingleValueEncodingContainer = encoder.singleValueContainer()
        try container.encode(RFC3339.format(date))
    }

    private static func decodeDate(_ decoder: any Decoder) throws -> Date {
        let container: any SingleValueDecodingContainer = try decoder.singleValueContainer()
        if let text: String = try? container.decode(String.self) {
            if let date: Date = RFC3339.parse(text) { return date }
        } else if let seconds: Double = try? container.decode(Double.self) {
            return Date(timeIntervalSince1970: seconds)
        }
        throw DecodingError.dataCorruptedError(in: container, debugDescription: "Expected an RFC 3339 date-time.")
    }
}

/// RFC 3339 date-times without formatters (which differ across platforms and are not `Sendable`).
public enum RFC3339 {
    /// The ASCII bytes used below.
    private static let zero: UInt8 = 48, nine: UInt8 = 57, dash: UInt8 = 45, plus: UInt8 = 43, colon: UInt8 = 58
    private static let dot: UInt8 = 46, comma: UInt8 = 44, space: UInt8 = 32

    public static func parse(_ text: String) -> Date? {
        let bytes: [UInt8] = Array(text.utf8)
        let count: Int = bytes.count
        guard let year: Int = CivilTime.number(bytes, 0, 4), count > 4, bytes[4] == dash,
              let month: Int = CivilTime.number(bytes, 5, 2), count > 7, bytes[7] == dash,
              let day: Int = CivilTime.number(bytes, 8, 2) else { return nil }
        var hour: Int = 0, minute: Int = 0, second: Int = 0, offset: Int = 0, index: Int = 10
        var fraction: String = ""
        if index < count {
            let separator: UInt8 = bytes[10]
            guard separator == 84 || separator == 116 || separator == space,
                  let h: Int = CivilTime.number(bytes, 11, 2), count > 13, bytes[13] == colon,
                  let m: Int = CivilTime.number(bytes, 14, 2) else { return nil }
            hour = h
            minute = m
            index = 16
            if count > 16, bytes[16] == colon {
                guard let s: Int = CivilTime.number(bytes, 17, 2) else { return nil }
                second = s
                index = 19
            }
            if index < count, bytes[index] == dot || bytes[index] == comma {
                index += 1
                while index < count, bytes[index] >= zero, bytes[index] <= nine {
                    if fraction.utf8.count < 9 { fraction.unicodeScalars.append(Unicode.Scalar(bytes[index])) }
                    index += 1
                }
                guard !fraction.isEmpty else { return nil }
            }
            if index < count {
                let zone: UInt8 = bytes[index]
                if zone == 90 || zone == 122 {
                    index += 1
                } else if zone == plus || zone == dash {
                    guard let h: Int = CivilTime.number(bytes, index + 1, 2) else { return nil }
                    index += 3
                    if index < count, bytes[index] == colon { index += 1 }
                    var m: Int = 0
                    if let minutes: Int = CivilTime.number(bytes, index, 2) {
                        m = minutes
                        index += 2
                    }
                    let sign: Int = zone == dash ? -1 : 1
                    offset = sign * (h * 3600 + m * 60)
                }
            }
            guard index == count, hour < 24, minute < 60, second <= 60 else { return nil }
        }
        guard let date: Date = CivilTime.date(year: year, month: month, day: day, hour: hour, minute: minute,
                                              second: Swift.min(second, 59)) else { return nil }
        let whole: Int = Int(date.timeIntervalSince1970) - offset
        // Parsed from one decimal string, so `...30.123Z` equals `Date(timeIntervalSince1970: ...30.123)`.
        if fraction.isEmpty { return Date(timeIntervalSince1970: Double(whole)) }
        if whole >= 0 {
            let decimal: String = String(whole) + "." + fraction
            guard let seconds: Double = Double(decimal) else { return nil }
            return Date(timeIntervalSince1970: seconds)
        }
        guard let part: Double = Double("0." + fraction) else { return nil }
        return Date(timeIntervalSince1970: Double(whole) + part)
    }

    /// `2024-05-01T10:20:30Z`, or `2024-05-01T10:20:30.123Z` when the date has a fractional second.
    public static func format(_ date: Date) -> String {
        let interval: Double = date.timeIntervalSince1970
        var whole: Double = interval.rounded(.down)
        var millis: Int = Int(((interval - whole) * 1000).rounded())
        if millis >= 1000 {
            whole += 1
            millis = 0
        }
        guard whole.isFinite, whole.magnitude < 253_402_300_800 else { return "9999-12-31T23:59:59Z" }
        let seconds: Int = Int(whole)
        let days: Int = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let civil: (year: Int, month: Int, day: Int) = CivilTime.civil(fromDays: days)
        let time: Int = seconds - days * 86_400
        var text: String = CivilTime.digits(civil.year, 4)
        text += "-"
        text += CivilTime.digits(civil.month, 2)
        text += "-"
        text += CivilTime.digits(civil.day, 2)
        text += "T"
        text += CivilTime.digits(time / 3600, 2)
        text += ":"
        text += CivilTime.digits(time / 60 % 60, 2)
        text += ":"
        text += CivilTime.digits(time % 60, 2)
        if millis != 0 {
            text += "."
            text += CivilTime.digits(millis, 3)
        }
        text += "Z"
        return text
    }
}

/// Proleptic Gregorian calendar arithmetic in UTC (H. Hinnant's days-from-civil).
public enum CivilTime {
    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2:
            let leap: Bool = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
            return leap ? 29 : 28
        case 4, 6, 9, 11:
            return 30
        default:
            return 31
        }
    }

    public static func date(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int) -> Date? {
        // Years beyond ±1,000,000 would overflow the seconds below; no date format reaches them.
        guard year.magnitude <= 1_000_000, month >= 1, month <= 12, day >= 1, day <= daysIn(month: month, year: year),
              hour >= 0, hour < 24,
              minute >= 0, minute < 60, second >= 0, second < 61 else { return nil }
        let y: Int = month <= 2 ? year - 1 : year
        let era: Int = (y >= 0 ? y : y - 399) / 400
        let yearOfEra: Int = y - era * 400
        let shifted: Int = month > 2 ? month - 3 : month + 9
        var dayOfYear: Int = (153 * shifted + 2) / 5
        dayOfYear += day - 1
        var dayOfEra: Int = yearOfEra * 365
        dayOfEra += yearOfEra / 4 - yearOfEra / 100
        dayOfEra += dayOfYear
        let days: Int = era * 146_097 + dayOfEra - 719_468
        var seconds: Int = days * 86_400
        seconds += hour * 3600 + minute * 60 + second
        return Date(timeIntervalSince1970: Double(seconds))
    }

    public static func civil(fromDays days: Int) -> (year: Int, month: Int, day: Int) {
        let z: Int = days + 719_468
        let era: Int = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra: Int = z - era * 146_097
        var yearOfEra: Int = dayOfEra - dayOfEra / 1460
        yearOfEra += dayOfEra / 36_524
        yearOfEra -= dayOfEra / 146_096
        yearOfEra /= 365
        var dayOfYear: Int = dayOfEra - 365 * yearOfEra
        dayOfYear -= yearOfEra / 4 - yearOfEra / 100
        let mp: Int = (5 * dayOfYear + 2) / 153
        let day: Int = dayOfYear - (153 * mp + 2) / 5 + 1
        let month: Int = mp < 10 ? mp + 3 : mp - 9
        let year: Int = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return (year, month, day)
    }

    /// The decimal number in `bytes[start..<start + count]`; nil unless all of them are digits.
    public static func number(_ bytes: [UInt8], _ start: Int, _ count: Int) -> Int? {
        guard start >= 0, start + count <= bytes.count else { return nil }
        var value: Int = 0
        for index: Int in start..<(start + count) {
            let byte: UInt8 = bytes[index]
            guard byte >= 48, byte <= 57 else { return nil }
            value = value * 10 + Int(byte - 48)
        }
        return value
    }

    /// `value` in decimal, zero-padded to `width` characters like `%0*d` (a minus sign counts in the width).
    public static func digits(_ value: Int, _ width: Int) -> String {
        let text: String = String(value.magnitude)
        let sign: String = value < 0 ? "-" : ""
        let padding: Int = width - sign.utf8.count - text.utf8.count
        return padding > 0 ? sign + String(repeating: "0", count: padding) + text : sign + text
    }
}
