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
            guard let seconds: Int = Int(trimmed) else { return nil }
            self = .seconds(seconds)
        } else if let date: Date = Self.parseDate(trimmed) {
            self = .date(date)
        } else {
            return nil
        }
    }

    /// How long to wait from `now`: the seconds, or the time until the date (never negative).
    public func delay(from now: Date = Date()) -> Duration {
        switch self {
        case .seconds(let seconds): .seconds(seconds)
        case .date(let date): .seconds(Swift.max(0, date.timeIntervalSince(now)))
        }
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

    /// `Sun, 06 Nov 1994 08:49:37 GMT` (month names in any case; the weekday is not checked).
    static func parseDate(_ text: String) -> Date? {
        let parts: [Substring] = text.split(separator: " ")
        guard parts.count == 6, parts[5] == "GMT", let day: Int = Int(parts[1]), let year: Int = Int(parts[3]),
              let month: Int = months.firstIndex(where: { $0.lowercased() == parts[2].lowercased() })
        else { return nil }
        var time: [Int] = []
        for part: Substring in parts[4].split(separator: ":") {
            if let number: Int = Int(part) { time.append(number) }
        }
        guard time.count == 3 else { return nil }
        return CivilTime.date(year: year, month: month + 1, day: day, hour: time[0], minute: time[1],
                              second: time[2])
    }

    static func formatDate(_ date: Date) -> String {
        let seconds: Int = Int(date.timeIntervalSince1970.rounded(.down))
        let days: Int = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let civil: (year: Int, month: Int, day: Int) = CivilTime.civil(fromDays: days)
        let time: Int = seconds - days * 86_400
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }
        let weekday: String = weekdays[((days % 7) + 7) % 7]
        return "\(weekday), \(two(civil.day)) \(months[civil.month - 1]) \(civil.year) "
            + "\(two(time / 3600)):\(two(time / 60 % 60)):\(two(time % 60)) GMT"
    }
}
