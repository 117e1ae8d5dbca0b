import Foundation

// MARK: - Retry-After (RFC 9110 §10.2.3)

/// A `Retry-After` header: a delay in seconds (`120`) or an HTTP-date (`Sun, 06 Nov 1994 08:49:37 GMT`). Typed
/// response headers named `Retry-After` use it, so both forms read; the runtime's retries honour both too
/// (`RetryPolicy.parseRetryAfter`).
public enum RetryAfter: Codable, Hashable, Sendable, CustomStringConvertible {
    case seconds(Int)
    case date(Date)

    /// Reads delay-seconds (digits only) or an HTTP-date in any of RFC 9110's three forms; nil for anything else.
    public init?(_ text: String) {
        let trimmed: String = text.trimmingCharacters(in: .whitespaces)
        if !trimmed.isEmpty, trimmed.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) {
            // More digits than an Int holds is still a delay: the longest one (retries cap it at `maxDelay`).
            self = .seconds(Int(trimmed) ?? Int.max)
        } else if let date: Date = Self.parseDate(trimmed) {
            self = .date(date)
        } else {
            return nil
        }
    }

    /// How long to wait from `now`: the seconds, or the time until the date (never negative; a date further
    /// away than `Self.longestDelay` waits that long).
    public func delay(from now: Date = Date()) -> Duration {
        switch self {
        case .seconds(let seconds): Self.delay(seconds: Double(seconds))
        case .date(let date): Self.delay(seconds: date.timeIntervalSince(now))
        }
    }

    /// About 31,700 years: far above any retry cap, far below what `Duration` can hold.
    public static let longestDelay: Double = 1e12

    /// `seconds` as a `Duration`, clamped to `0...longestDelay` (NaN is 0), so no header value can trap.
    static func delay(seconds: Double) -> Duration {
        guard seconds.isFinite else { return seconds == .infinity ? .seconds(longestDelay) : .zero }
        return .seconds(Swift.min(Swift.max(0, seconds), longestDelay))
    }

    /// The header's text: the seconds, or the date as an IMF-fixdate.
    public var description: String {
        switch self {
        case .seconds(let seconds): String(seconds)
        case .date(let date): Self.formatDate(date)
        }
    }

    public init(from decoder: any Decoder) throws {
        let container: any SingleValueDecodingContainer = try decoder.singleValueContainer()
        if let seconds: Int = try? container.decode(Int.self), seconds >= 0 {
            self = .seconds(seconds)
            return
        }
        let text: String = try container.decode(String.self)
        guard let value: RetryAfter = RetryAfter(text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "Expected delay-seconds or an "
                                                   + "HTTP-date (Retry-After).")
        }
        self = value
    }

    public func encode(to encoder: any Encoder) throws {
        var container: any SingleValueEncodingContainer = encoder.singleValueContainer()
        switch self {
        case .seconds(let seconds): try container.encode(seconds)
        case .date: try container.encode(description)
        }
    }

    private static let months: [String] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ]
    private static let weekdays: [String] = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"]

    /// An HTTP-date (RFC 9110 §5.6.7), in any of its three forms, as a recipient must accept them:
    /// - `Sun, 06 Nov 1994 08:49:37 GMT`, the IMF-fixdate (two-digit day, four-digit year);
    /// - `Sunday, 06-Nov-94 08:49:37 GMT`, the obsolete RFC 850 form (a two-digit year more than 50 years ahead
    ///   of `now` is the most recent past year with those digits);
    /// - `Sun Nov  6 08:49:37 1994`, the obsolete asctime form.
    /// Month names match in any case; the weekday is not checked.
    public static func parseDate(_ text: String, now: Date = Date()) -> Date? {
        let parts: [Substring] = text.split(separator: " ")
        if parts.count == 6, parts[5] == "GMT", let day: Int = digits(parts[1], 2),
           let year: Int = digits(parts[3], 4), let month: Int = month(parts[2]) {
            return date(year: year, month: month, day: day, time: parts[4])
        }
        if parts.count == 4, parts[3] == "GMT", parts[0].hasSuffix(",") {
            let date: [Substring] = parts[1].split(separator: "-", omittingEmptySubsequences: false)
            guard date.count == 3, let day: Int = digits(date[0], 2), let month: Int = month(date[1]),
                  let twoDigits: Int = digits(date[2], 2)
            else { return nil }
            return self.date(year: fullYear(twoDigits, now: now), month: month, day: day, time: parts[2])
        }
        if parts.count == 5, let month: Int = month(parts[1]),
           let day: Int = digits(parts[2], 1) ?? digits(parts[2], 2), let year: Int = digits(parts[4], 4) {
            return date(year: year, month: month, day: day, time: parts[3])
        }
        return nil
    }

    private static func month(_ name: Substring) -> Int? {
        months.firstIndex(where: { $0.lowercased() == name.lowercased() }).map { $0 + 1 }
    }

    /// The date at `time` (`HH:MM:SS`) of that day, UTC.
    private static func date(year: Int, month: Int, day: Int, time text: Substring) -> Date? {
        let time: [Substring] = text.split(separator: ":", omittingEmptySubsequences: false)
        guard time.count == 3, let hour: Int = digits(time[0], 2), let minute: Int = digits(time[1], 2),
              let second: Int = digits(time[2], 2)
        else { return nil }
        return CivilTime.date(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
    }

    /// RFC 9110's rule for a two-digit year: this century's, unless that is more than 50 years after `now`.
    private static func fullYear(_ twoDigits: Int, now: Date) -> Int {
        let seconds: Double = now.timeIntervalSince1970
        let days: Int = seconds.isFinite ? Int(Swift.min(Swift.max(seconds, -1e12), 1e12) / 86_400) : 0
        let current: Int = CivilTime.civil(fromDays: days).year
        var year: Int = current - current % 100 + twoDigits
        if year > current + 50 { year -= 100 }
        return year
    }

    /// `text` as a number when it is exactly `count` ASCII digits.
    private static func digits(_ text: Substring, _ count: Int) -> Int? {
        guard text.utf8.count == count, text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        return Int(text)
    }

    /// The first and last instants an IMF-fixdate can name (years 0001 to 9999).
    private static let formattableSeconds: ClosedRange<Double> = -62_135_596_800...253_402_300_799

    /// The date as an IMF-fixdate; dates outside years 0001–9999 (or not finite) are clamped to that range.
    static func formatDate(_ date: Date) -> String {
        let interval: Double = date.timeIntervalSince1970.isNaN ? 0 : date.timeIntervalSince1970
        let clamped: Double = Swift.min(Swift.max(interval, formattableSeconds.lowerBound),
                                        formattableSeconds.upperBound)
        let seconds: Int = Int(clamped.rounded(.down))
        let days: Int = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let civil: (year: Int, month: Int, day: Int) = CivilTime.civil(fromDays: days)
        let time: Int = seconds - days * 86_400
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }
        let weekday: String = weekdays[((days % 7) + 7) % 7]
        return "\(weekday), \(two(civil.day)) \(months[civil.month - 1]) \(CivilTime.digits(civil.year, 4)) "
            + "\(two(time / 3600)):\(two(time / 60 % 60)):\(two(time % 60)) GMT"
    }
}
