import Foundation

// How credentials reach a request.
//
// The generated `XClient.Credentials` conforms to `CredentialApplying`. For each security requirement of an
// operation (`request.security`, an OR of AND-sets of scheme keys), the runtime asks the credentials to apply one
// AND-set to a copy of the request; `true` means every scheme of the set was applied, `false` that one is missing
// (the runtime then tries the next set, or sends without credentials when the spec allows it, or throws
// `.authentication`). After a 401 on an authorized request the runtime applies the set again with
// `forceRefresh: true` and, if the request changed (a new token), resends it once. `credentialHeaderNames` lists the
// headers that carry secrets, so they are masked in logs and descriptions and dropped on cross-origin redirects.
//
// A worked example — a spec with five schemes:
//   ApiId + ApiSecret: two apiKey headers required together (`security: [{ApiId: [], ApiSecret: []}]`),
//   Bearer: http bearer, Basic: http basic, QueryKey: apiKey in query `api_key`, Session: apiKey in cookie `sid`.
//
//     extension XClient {
//         public struct Credentials: CredentialApplying, CustomStringConvertible {
//             public var apiID: String?
//             public var apiSecret: String?
//             public var bearer: BearerCredential?          // .token("…") or .provider(CachingTokenProvider…)
//             public var basic: (username: String, password: String)?
//             public var queryKey: String?
//             public var session: String?
//
//             var credentialHeaderNames: Set<String> { ["X-DF-API-ID", "X-DF-API-SECRET"] }
//
//             func apply(schemes: [String], to request: inout HTTPRequest, forceRefresh: Bool) async throws -> Bool {
//                 for scheme in schemes {
//                     switch scheme {
//                     case "ApiId":
//                         guard let apiID else { return false }
//                         request.headers["X-DF-API-ID"] = apiID
//                     case "ApiSecret":
//                         guard let apiSecret else { return false }
//                         request.headers["X-DF-API-SECRET"] = apiSecret
//                     case "Bearer":
//                         guard let bearer else { return false }
//                         let token = try await bearer.token(forceRefresh: forceRefresh)
//                         request.headers["Authorization"] = "Bearer " + token
//                     case "Basic":
//                         guard let basic else { return false }
//                         request.headers["Authorization"] = BasicAuth.header(basic.username, basic.password)
//                     case "QueryKey":
//                         guard let queryKey else { return false }
//                         request.appendQuery("api_key", queryKey)
//                     case "Session":
//                         guard let session else { return false }
//                         request.appendCookie("sid", session)
//                     default:
//                         return false
//                     }
//                 }
//                 return true
//             }
//
//             public var description: String { "Credentials(<redacted>)" }
//         }
//     }
//
// Query parameter names that carry keys are masked in descriptions when they look like secrets (`api_key`, `token`,
// …) or when they are listed in `credentialHeaderNames` too.

// MARK: - Applying credentials

/// Implemented by the generated `Credentials`; see the comment at the top of this file.
public protocol CredentialApplying: Sendable {
    /// Applies every scheme in `schemes` (an AND-set) to `request`; returns false when one of them is missing.
    func apply(schemes: [String], to request: inout HTTPRequest, forceRefresh: Bool) async throws -> Bool
    /// Names of the headers (and query parameters) that carry the secrets.
    var credentialHeaderNames: Set<String> { get }
}

extension HTTPRequest {
    /// Appends `name=value` to the query, percent-encoded.
    public mutating func appendQuery(_ name: String, _ value: String) {
        let item: String = Percent.encode(name) + "=" + Percent.encode(value)
        let whole: String = url.absoluteString
        var text: String = whole
        var fragment: String = ""
        if let hash: String.Index = whole.firstIndex(of: "#") {
            text = String(whole[..<hash])
            fragment = String(whole[hash...])
        }
        if !text.contains("?" as Character) {
            text += "?"
        } else if !text.hasSuffix("?") && !text.hasSuffix("&") {
            text += "&"
        }
        text += item
        text += fragment
        if let newURL: URL = URL(string: text) { url = newURL }
    }

    /// Adds `name=value` to the `Cookie` header.
    public mutating func appendCookie(_ name: String, _ value: String) {
        let pair: String = Percent.encode(name) + "=" + Percent.encode(value)
        if let cookie: String = headers["Cookie"] {
            headers["Cookie"] = cookie + "; " + pair
        } else {
            headers["Cookie"] = pair
        }
    }
}

/// HTTP Basic authorization.
public enum BasicAuth {
    /// `Basic base64(user:password)`.
    public static func header(_ username: String, _ password: String) -> String {
        let credentials: String = username + ":" + password
        return "Basic " + Data(credentials.utf8).base64EncodedString()
    }
}
