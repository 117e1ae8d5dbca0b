import Foundation
import SpecParser

// MARK: - Request bodies and responses.

extension Builder {
    /// The media type without parameters, lower-cased: `application/json; charset=utf-8` → `application/json`.
    static func essence(_ mediaType: String) -> String {
        String(mediaType.split(separator: ";", maxSplits: 1).first ?? "")
            .trimmingCharacters(in: .whitespaces).lowercased()
    }

    /// JSON: `application/json`, `*/*+json`, `text/json` (and `*/*`, with a warning from the caller).
    static func isJSON(_ essence: String) -> Bool {
        essence == "application/json" || essence.hasSuffix("+json") || essence == "text/json" || essence == "*/*"
    }

    /// How a content entry is encoded. Anything that is not JSON, a form, multipart form data or text is bytes.
    static func encoding(of essence: String) -> BodyEncoding {
        if isJSON(essence) { return .json }
        if essence == "application/x-www-form-urlencoded" { return .formURLEncoded }
        if essence == "multipart/form-data" { return .multipart }
        if essence.hasPrefix("text/") { return .text }
        return .binary
    }

    // MARK: - Request bodies

    /// Content entries in document order. Inline schemas are named `<Op>Request`; when the entries have different
    /// types the body is a per-content enum `<Op>Body` (declared by the emitter from `contents`).
    func buildRequestBody(_ operation: SpecParser.Operation, typeBase: String) -> RequestBodyDecl? {
        guard let body = operation.requestBody else { return nil }
        guard !body.content.isEmpty else {
            warn("request body without content is not generated", body.origin)
            return nil
        }
        var contents: [BodyContentDecl] = []
        var translatedSchemas: [ObjectIdentifier: TypeRef] = [:]
        var caseNames = NameScope()
        for media in body.content {
            contents.append(bodyContent(media, typeBase: typeBase, translatedSchemas: &translatedSchemas,
                                        caseNames: &caseNames))
        }
        var distinct: [TypeRef] = []
        for content in contents where !distinct.contains(content.type) { distinct.append(content.type) }
        let perContent = distinct.count > 1
        let bodyType: TypeRef = perContent ? .named(claimTopLevel("\(typeBase) Body", declares: false)) : distinct[0]
        // An optional body (`required` false or absent) is `Body? = nil`: nil sends no body and no Content-Type.
        let type: TypeRef = body.required || bodyType.isOptional ? bodyType : .optional(bodyType)
        // One type in several content types: the caller chooses (`contentType: .form`); the first is the default.
        let choice = !perContent && contents.count > 1
            ? ContentTypeChoiceDecl(typeName: claimTopLevel("\(typeBase) Content Type", declares: false),
                                    parameterName: Self.contentTypeParameter)
            : nil
        var decl = RequestBodyDecl(isRequired: body.required, contents: contents, type: type,
                                   isPerContentEnum: perContent, doc: docLines(body.description),
                                   contentTypeChoice: choice)
        if perContent {
            for (content, media) in zip(contents, body.content) where !content.validation.isEmpty {
                warn("the rules of the '\(content.mediaType)' body schema itself (\(content.validation.count)) are not "
                     + "checked before sending: the body has content types of different Swift types", media.origin,
                     hint: "move the rules into a named schema, which validates itself")
            }
        } else {
            decl.validation = sharedBodyRules(contents, body.content)
        }
        return decl.located(at: body.origin)
    }

    /// The rules of a one-type body's own schema that hold whichever content type the caller sends: those all its
    /// entries have. A rule only some entries have is not checked, and a warning at that entry says so.
    private func sharedBodyRules(_ contents: [BodyContentDecl], _ media: [MediaType]) -> [ValidationRule] {
        guard let first = contents.first else { return [] }
        let shared = first.validation.filter { rule in contents.allSatisfy { $0.validation.contains(rule) } }
        for (content, entry) in zip(contents, media) {
            let dropped = content.validation.filter { !shared.contains($0) }.count
            guard dropped > 0 else { continue }
            warn("\(dropped) rule(s) of the '\(content.mediaType)' body schema itself are not checked before sending: "
                 + "the body's other content types do not have them", entry.origin,
                 hint: "give every content type of this body the same rules, or move them into a named schema")
        }
        return shared
    }

    /// One content entry of a request body: its encoding, Swift type, enum case name and wire details. A schema
    /// shared by several entries is translated once.
    private func bodyContent(_ media: MediaType, typeBase: String,
                             translatedSchemas: inout [ObjectIdentifier: TypeRef],
                             caseNames: inout NameScope) -> BodyContentDecl {
        let essence = Self.essence(media.mediaType)
        var encoding = Self.encoding(of: essence)
        if essence.hasPrefix("multipart/"), encoding != BodyEncoding.multipart {
            warn("request body media type '\(media.mediaType)' is sent as raw bytes", media.origin)
            encoding = .binary
        }
        var type: TypeRef
        switch encoding {
        case .binary: type = .builtin(.binary)
        case .text: type = .builtin(.string)
        case .json, .formURLEncoded, .multipart:
            if let schema = media.schema {
                if let known = translatedSchemas[ObjectIdentifier(schema)] {
                    type = known
                } else {
                    type = translate(schema, site: InlineSite(parent: nil, baseName: "\(typeBase) Request")).type
                    translatedSchemas[ObjectIdentifier(schema)] = type
                }
            } else {
                type = .builtin(.json)
            }
        }
        if essence == "*/*" {
            // Bytes (`format: binary`) go verbatim; anything else is JSON.
            if type == .builtin(.binary) {
                encoding = .binary
            } else {
                warn("request body media type '*/*' is sent as JSON (Content-Type: application/json)",
                     media.origin)
            }
        }
        let preferred = switch encoding {
        case .json: "json"
        case .formURLEncoded: "form"
        case .multipart: "multipart"
        case .binary: "binary"
        case .text: "text"
        }
        let base = caseNames.contains(preferred)
            ? NameSanitizer.memberBase(essence, fallback: "content") : preferred
        // A 3.2 `itemSchema` on JSON Lines, NDJSON, a JSON text sequence or server-sent events: the caller passes
        // the items.
        var itemFraming: StreamFormat?
        if let itemSchema = media.itemSchema {
            if let format = Self.streamFormat(essence) {
                let site = InlineSite(parent: nil, baseName: "\(typeBase) Request Item")
                let item = translate(itemSchema, site: site)
                type = .array(item.nullableType)
                encoding = .json
                itemFraming = format
            } else {
                warn("itemSchema (streamed items) in a request body is generated for application/jsonl, "
                     + "application/x-ndjson, application/json-seq and text/event-stream only; the body is sent "
                     + "whole, as '\(type.swift)'", media.origin)
            }
        }
        let encodings = encoding == .formURLEncoded || encoding == .multipart ? media.encoding : []
        let unknown = unknownEncodingNames(encodings, schema: media.schema, origin: media.origin)
        let formFields = encoding == .formURLEncoded
            ? self.formFields(encodings.filter { !unknown.contains($0.property) }, origin: media.origin) : []
        if encoding == .multipart { warnAboutPartHeaders(encodings, origin: media.origin) }
        var content = BodyContentDecl(mediaType: media.mediaType, encoding: encoding, type: type,
                                      caseName: NameSanitizer.escaped(caseNames.claim(base)),
                                      partContentTypes: encoding == .multipart ? Self.partContentTypes(encodings) : [],
                                      formFields: formFields)
        content.contentTypeHeader = Self.contentTypeHeader(media.mediaType, encoding: encoding)
        content.itemFraming = itemFraming
        if itemFraming == nil, encoding != .binary, let schema = media.schema {
            content.validation = validationRules(for: schema, type: type)
        }
        return content.located(at: media.origin)
    }

    /// The `Content-Type` a body is sent with: the declared media type, except that a range (`*/*`, `image/*`)
    /// names no type a server can read, so the body's encoding picks one (`application/octet-stream` for bytes,
    /// `application/json`, `text/plain; charset=utf-8`). The caller may still set another in
    /// `RequestOptions.headers`.
    static func contentTypeHeader(_ mediaType: String, encoding: BodyEncoding) -> String {
        guard essence(mediaType).contains("*") else { return mediaType }
        return switch encoding {
        case .json: "application/json"
        case .text: "text/plain; charset=utf-8"
        case .formURLEncoded: "application/x-www-form-urlencoded"
        case .multipart: "multipart/form-data"
        case .binary: "application/octet-stream"
        }
    }

    // MARK: - Per-property `encoding`

    /// Form-urlencoded properties written differently from the default: an entry with `style`, `explode` or
    /// `allowReserved` is serialized like a query parameter of that style (its `contentType` is then ignored, as
    /// the spec says); otherwise a JSON `contentType` writes the value as JSON text. `text/plain` is the default.
    func formFields(_ encodings: [PropertyEncoding], origin: Origin) -> [FormFieldDecl] {
        encodings.compactMap { entry -> FormFieldDecl? in
            let at = entry.origin ?? origin
            if entry.style != nil || entry.explode != nil || entry.allowReserved {
                let style = entry.style ?? "form"
                guard Self.formStyles.contains(style) else {
                    warn("form property '\(entry.property)' has style '\(style)', which a form body cannot use; "
                         + "it is sent flattened (a[b]=c, repeated keys)", at)
                    return nil
                }
                return FormFieldDecl(property: entry.property, serialization: .style(
                    style, explode: entry.explode ?? (style == "form"), allowReserved: entry.allowReserved))
            }
            guard let contentType = entry.contentType else { return nil }
            let types = contentType.split(separator: ",").map { Self.essence(String($0)) }
            if types.contains(where: { $0 != "*/*" && Self.isJSON($0) }) {
                return FormFieldDecl(property: entry.property, serialization: .json)
            }
            if !types.contains(where: { $0 == "text/plain" || $0 == "text/*" || $0 == "*/*" }) {
                warn("form property '\(entry.property)' has contentType '\(contentType)'; only JSON content types "
                     + "are applied in a form body; it is sent flattened (a[b]=c, repeated keys)", at)
            }
            return nil
        }
    }

    /// The styles a form-urlencoded property can take.
    static let formStyles: Set<String> = ["form", "spaceDelimited", "pipeDelimited", "deepObject"]

    /// Multipart part headers come from the caller, not the body's value, and are not generated: each part that
    /// declares some (other than `Content-Type`, which the spec ignores) is named in a warning.
    /// Each multipart part's Content-Type from its `encoding.contentType` list (`PartContentTypeDecl`).
    static func partContentTypes(_ encodings: [PropertyEncoding]) -> [PartContentTypeDecl] {
        encodings.compactMap { encoding in
            let concrete = encoding.contentType?.split(separator: ",")
                .map { $0.trimmingCharacters(in: .whitespaces) }.first { !$0.contains("*") && !$0.isEmpty }
            return concrete.map { PartContentTypeDecl(property: encoding.property, contentType: $0) }
        }
    }

    func warnAboutPartHeaders(_ encodings: [PropertyEncoding], origin: Origin) {
        for entry in encodings {
            let names = entry.headers.filter { $0.lowercased() != "content-type" }
            guard !names.isEmpty else { continue }
            warn("multipart part '\(entry.property)' declares headers (\(names.joined(separator: ", "))); part headers "
                 + "are not generated, only Content-Type and Content-Disposition are sent", entry.origin ?? origin)
        }
    }

    /// `encoding` entries that name no property of a body whose properties are all known (a typo in the spec),
    /// each named in a warning.
    private func unknownEncodingNames(_ encodings: [PropertyEncoding], schema: Schema?, origin: Origin) -> Set<String> {
        guard !encodings.isEmpty, let schema else { return [] }
        let resolved = target(of: schema)
        guard resolved.allOf == nil, resolved.oneOf == nil, resolved.anyOf == nil,
              resolved.additionalProperties == nil, !resolved.properties.isEmpty else { return [] }
        let names = Set(resolved.properties.map(\.name))
        var unknown: Set<String> = []
        for entry in encodings where !names.contains(entry.property) {
            warn("encoding entry '\(entry.property)' names no property of the body; it is ignored",
                 entry.origin ?? origin)
            unknown.insert(entry.property)
        }
        return unknown
    }

    /// The argument that picks a body's content type; reserved among the parameters of an operation whose body
    /// declares several content types.
    static let contentTypeParameter = "contentType"

    // MARK: - Responses

    /// Responses in document order, what a successful call returns, and the statuses marked retryable.
    func buildResponses(_ operation: SpecParser.Operation, typeBase: String)
        -> (responses: [ResponseDecl], success: SuccessDecl, retryable: [Int], streams: Bool) {
        let hasSuccessStatus = operation.responses.contains { response in
            switch response.status {
            case .code(let code): (200...299).contains(code)
            case .range(let range): range == 2
            case .default: false
            }
        }
        func isSuccess(_ status: ResponseStatus) -> Bool {
            switch status {
            case .code(let code): (200...299).contains(code)
            case .range(let range): range == 2
            case .default: !hasSuccessStatus
            }
        }
        // Identical inline error bodies (same text under several statuses) share one type, `<Op>ErrorResponse`.
        var errorSchemaCounts: [String: Int] = [:]
        for response in operation.responses where !isSuccess(response.status) {
            if let schema = Self.chosenContent(response.content)?.schema, schema.ref == nil {
                errorSchemaCounts[fingerprint(schema), default: 0] += 1
            }
        }
        var sharedErrorTypes: [String: TypeRef] = [:]
        var responses: [ResponseDecl] = []
        var retryable: [Int] = []
        var namedSuccess = false
        for response in operation.responses {
            let isSuccess = isSuccess(response.status)
            var inlineName = isSuccess && !namedSuccess ? "\(typeBase) Response"
                : "\(typeBase) Status \(response.status) Response"
            var sharedKey: String?
            if !isSuccess, let schema = Self.chosenContent(response.content)?.schema, schema.ref == nil {
                let key = fingerprint(schema)
                if errorSchemaCounts[key, default: 0] > 1 {
                    sharedKey = key
                    inlineName = "\(typeBase) Error Response"
                }
            }
            let body = responseBody(response, inlineName: inlineName, known: sharedKey.flatMap { sharedErrorTypes[$0] },
                                    streams: isSuccess)
            if let sharedKey, let type = body?.type { sharedErrorTypes[sharedKey] = type }
            if isSuccess, body != nil { namedSuccess = true }
            let isRetryable = response.extensions["x-openapi-swift-retryable"]?.boolValue == true
            if isRetryable {
                if case .code(let code) = response.status {
                    if !retryable.contains(code) { retryable.append(code) }
                } else {
                    warn("x-openapi-swift-retryable applies to explicit status codes only; ignored on "
                         + "'\(response.status)'", response.origin)
                }
            }
            responses.append(ResponseDecl(
                status: ResponseStatusDecl(response.status), description: response.description, type: body?.type,
                mediaType: body?.mediaType, encoding: body?.encoding,
                headers: responseHeaders(response, typeBase: typeBase), isSuccess: isSuccess,
                isRetryable: isRetryable).located(at: response.origin))
        }
        return (responses, successDecl(responses, typeBase: typeBase), retryable,
                streamsResponse(responses, operation.origin))
    }

    /// The content entry a response is decoded from, in this order of preference (document order within each):
    /// JSON (`application/json`, `*/*+json`, `text/json`, `*/*`), then, for a successful response (`streams`), a
    /// stream the runtime reads item by item (`text/event-stream`, or JSON Lines, NDJSON or JSON text sequences with
    /// an `itemSchema`), then `text/*`, then anything else (bytes).
    static func chosenContent(_ entries: [MediaType], streams: Bool = false) -> MediaType? {
        func rank(_ entry: MediaType) -> Int {
            let essence = essence(entry.mediaType)
            if isJSON(essence) { return 0 }
            if streams, let format = streamFormat(essence), format == .serverSentEvents || entry.itemSchema != nil {
                return 1
            }
            return essence.hasPrefix("text/") ? 2 : 3
        }
        return entries.enumerated().min { lhs, rhs in
            let left = rank(lhs.element), right = rank(rhs.element)
            return left != right ? left < right : lhs.offset < rhs.offset
        }?.element
    }

    /// `known` is the type already generated for an identical inline schema. Error bodies (`streams` false) are read
    /// whole, never as streams, and keep their type non-optional; a nullable success body is `T?` (`null` is nil).
    /// Every other entry with a different schema (or `itemSchema`) is named in a warning at its own location.
    private func responseBody(_ response: Response, inlineName: String, known: TypeRef?, streams: Bool)
        -> (type: TypeRef, mediaType: String, encoding: BodyEncoding)? {
        let entries = response.content
        guard let chosen = Self.chosenContent(entries, streams: streams) else { return nil }
        let essence = Self.essence(chosen.mediaType)
        var encoding: BodyEncoding = Self.isJSON(essence) ? .json : essence.hasPrefix("text/") ? .text : .binary
        let streamed = streams ? streamedBody(chosen, inlineName: inlineName) : nil
        let type: TypeRef
        if let streamed {
            type = streamed
        } else {
            type = switch encoding {
            case .json:
                known ?? chosen.schema.map { schema in
                    let translated = translate(schema, site: InlineSite(parent: nil, baseName: inlineName))
                    return streams ? translated.nullableType : translated.type
                } ?? .builtin(.json)
            case .text: .builtin(.string)
            default: .builtin(.binary)
            }
        }
        // `*/*` with `format: binary` is bytes, read as they come (not a base64 JSON string).
        if essence == "*/*", type.unwrapped == .builtin(.binary) { encoding = .binary }
        func differs(_ a: Schema?, _ b: Schema?) -> Bool {
            switch (a, b) {
            case (nil, nil): false
            case (let a?, let b?): !(a === b || fingerprint(a) == fingerprint(b))
            default: true
            }
        }
        for entry in entries where entry.mediaType != chosen.mediaType {
            let different = differs(entry.schema, chosen.schema) && (entry.schema != nil
                || Self.encoding(of: Self.essence(entry.mediaType)) == .json)
            guard different || differs(entry.itemSchema, chosen.itemSchema) else { continue }
            warn("response '\(response.status)' also offers '\(entry.mediaType)' with a different schema; only "
                 + "'\(chosen.mediaType)' is decoded", entry.origin)
        }
        return (type, chosen.mediaType, encoding)
    }

    private func responseHeaders(_ response: Response, typeBase: String) -> [ResponseHeaderDecl] {
        var scope = NameScope()
        return response.headers.map { header in
            let translated = header.schema.map {
                translate($0, site: InlineSite(parent: nil, baseName: "\(typeBase) \(header.name) Header"))
            } ?? Translated(type: .builtin(.string), nullable: false)
            let base = Self.isRetryAfter(header.name, translated.type) ? .builtin(.retryAfter) : translated.type
            let type = header.required && !translated.nullable ? base : .optional(base)
            let name = scope.claim(NameSanitizer.memberBase(header.name, fallback: "header"))
            return ResponseHeaderDecl(identifier: NameSanitizer.identifier(wire: header.name, claimed: name),
                                      type: type, doc: docLines(header.description)).located(at: header.origin)
        }
    }

    /// A `Retry-After` header documented as a number or a string (of any format) is the runtime's `RetryAfter`, which
    /// reads both of its forms (delay-seconds and HTTP-date); an enum or object keeps its own type.
    static func isRetryAfter(_ name: String, _ type: TypeRef) -> Bool {
        guard name.lowercased() == "retry-after", case .builtin(let builtin) = type else { return false }
        return [.int, .int32, .int64, .double, .float, .string, .date].contains(builtin)
    }

    /// Every response's headers in one struct `<Op>ResponseHeaders`: merged by wire name (case-insensitive, first
    /// declaration wins), `Content-Type` left out (OpenAPI ignores it), names unique within the struct.
    func responseHeadersDecl(_ responses: [ResponseDecl], typeBase: String) -> ResponseHeadersDecl? {
        var seen: Set<String> = []
        var scope = NameScope(reserved: ["init"])
        var merged: [ResponseHeaderDecl] = []
        for response in responses {
            for header in response.headers where header.identifier.wireName.lowercased() != "content-type" {
                let wire = header.identifier.wireName
                guard seen.insert(wire.lowercased()).inserted else { continue }
                let name = scope.claim(NameSanitizer.memberBase(wire, fallback: "header"))
                var member = ResponseHeaderDecl(identifier: NameSanitizer.identifier(wire: wire, claimed: name),
                                                type: header.type.unwrapped, doc: header.doc)
                member.sourceLocation = header.sourceLocation
                merged.append(member)
            }
        }
        guard !merged.isEmpty else { return nil }
        return ResponseHeadersDecl(typeName: claimTopLevel("\(typeBase) Response Headers", declares: false),
                                   headers: merged)
    }

    /// `.void` when no successful response has content, `.single` when they share one type, else a per-status enum
    /// `<Op>Success` (declared by the emitter) with one case per successful response.
    private func successDecl(_ responses: [ResponseDecl], typeBase: String) -> SuccessDecl {
        let successes = responses.filter(\.isSuccess)
        var distinct: [TypeRef] = []
        for response in successes { if let type = response.type, !distinct.contains(type) { distinct.append(type) } }
        if distinct.isEmpty { return .void }
        if distinct.count == 1 { return .single(distinct[0]) }
        let name = claimTopLevel("\(typeBase) Success", declares: false)
        var scope = NameScope()
        let cases = successes.map { response in
            var decl = SuccessCaseDecl(name: NameSanitizer.escaped(scope.claim(Self.statusCaseBase(response.status))),
                                       status: response.status, type: response.type)
            decl.sourceLocation = response.sourceLocation
            return decl
        }
        return .perStatus(name, cases)
    }

    /// `ok`, `created`, `noContent`…, `status299`, `status2XX`, `default`.
    static func statusCaseBase(_ status: ResponseStatusDecl) -> String {
        let names = [200: "ok", 201: "created", 202: "accepted", 203: "nonAuthoritativeInformation", 204: "noContent",
                     205: "resetContent", 206: "partialContent", 207: "multiStatus"]
        switch status {
        case .code(let code): return names[code] ?? "status\(code)"
        case .range(let range): return "status\(range)XX"
        case .default: return "default"
        }
    }
}
