import Foundation

// MARK: - Retry-After (RFC 9110 §10.2.3)

/// A `Retry-After` header: a delay in seconds (`120`) or an HTTP-date (`Sun, 06 Nov 1994 08:49:37 GMT`). Typed
/// response headers named `Retry-After` use it, so both forms read; the runtime's retries honour both too
/// (`RetryPolicy.parseRetryAfter`).
public enum RetryAfter: Codable, Hashable, Sendable, CustomStringConvertible {
    case seconds(Int)
    case date(Date)

    /// Reads delay-seconds (digits) or an IMF-fixdate; nil for anything else.
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
        case .seconds(let seconds): .seconds(Swift.max(0, seconds))
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

    /// `Sun, 06 Nov 1994 08:49:37 GMT`: an IMF-fixdate, with a two-digit day, a four-digit year and a
    /// `HH:MM:SS` time (month names in any case; the weekday is not checked).
    static func parseDate(_ text: String) -> Date? {
        let parts: [Substring] = text.split(separator: " ")
        guard parts.count == 6, parts[5] == "GMT", let day: Int = digits(parts[1], 2),
              let year: Int = digits(parts[3], 4),
              let month: Int = months.firstIndex(where: { $0.lowercased() == parts[2].lowercased() })
        else { return nil }
        let time: [Substring] = parts[4].split(separator: ":", omittingEmptySubsequences: false)
        guard time.count == 3, let hour: Int = digits(time[0], 2), let minute: Int = digits(time[1], 2),
              let second: Int = digits(time[2], 2)
        else { return nil }
        return CivilTime.date(year: year, month: month + 1, day: day, hour: hour, minute: minute, second: second)
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
